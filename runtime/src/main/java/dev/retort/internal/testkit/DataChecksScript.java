package dev.retort.internal.testkit;

import groovy.lang.Closure;
import groovy.lang.DelegatesTo;
import groovy.lang.Script;
import groovy.transform.stc.ClosureParams;
import groovy.transform.stc.SimpleType;
import java.util.ArrayList;
import java.util.List;

/**
 * The base of {@code retort-test.groovy}, the data checks beside {@code retort.ini} (Groovy only):
 * <pre>
 * at '1b2c3d4e5f60' { insert 'usuarios', [[id: 1, nome: 'Ana']] }
 * after '2c3d4e5f6071' { assert rows('select id, email from usuarios') == [[id: 1, email: null]] }
 * after '2c3d4e5f6071' { sql -&gt; assert sql.firstRow('select count(*) as n from usuarios').n == 1 }
 * </pre>
 * Running the script only records the blocks; the test kit runs each one once its revision is applied.
 */
public abstract class DataChecksScript extends Script {
    /** The class name the script is compiled under, so stack frames point at its lines. */
    static final String CLASS_NAME = "retort_test";

    private final List<DataBlock> blocks = new ArrayList<>();

    /** Rows to put in once {@code revision} is applied (before the revisions after it run): {@code insert}, {@code execute}. */
    public void at(String revision,
                   @DelegatesTo(value = SetupBlock.class, strategy = Closure.DELEGATE_FIRST)
                   @ClosureParams(value = SimpleType.class, options = "groovy.sql.Sql") Closure<?> body) {
        blocks.add(new DataBlock(DataBlock.Kind.AT, revision, callerLine(), body));
    }

    /** Assertions once {@code revision} is applied: {@code assert rows('select …') == [...]}, or a closure taking {@code groovy.sql.Sql}. */
    public void after(String revision,
                      @DelegatesTo(value = AssertBlock.class, strategy = Closure.DELEGATE_FIRST)
                      @ClosureParams(value = SimpleType.class, options = "groovy.sql.Sql") Closure<?> body) {
        blocks.add(new DataBlock(DataBlock.Kind.AFTER, revision, callerLine(), body));
    }

    /**
     * Groovy reads {@code at '1b2c3d4e5f60' { … }} as {@code at('1b2c3d4e5f60'({ … }))}: a call of a method named after
     * the revision. It is caught here and handed to {@code at}/{@code after} as a {@link Pending} block, so both spellings work.
     */
    public Object methodMissing(String name, Object args) {
        Object[] a = args instanceof Object[] array ? array : new Object[] {args};
        if (a.length == 1 && a[0] instanceof Closure<?> body) return new Pending(name, body);
        throw new groovy.lang.MissingMethodException(name, getClass(), a);
    }

    /** A revision and its block, written without parentheses. */
    public record Pending(String revision, Closure<?> body) {}

    public void at(Pending block) { at(block.revision(), block.body()); }

    public void after(Pending block) { after(block.revision(), block.body()); }

    List<DataBlock> blocks() { return List.copyOf(blocks); }

    private static int callerLine() { return lineIn(new Throwable()); }

    /** The first line of the script that a stack trace passes through; 0 when none does. */
    static int lineIn(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause())
            for (StackTraceElement frame : c.getStackTrace())
                if (frame.getClassName().startsWith(CLASS_NAME) && frame.getLineNumber() > 0) return frame.getLineNumber();
        return 0;
    }
}
