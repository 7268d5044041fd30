package dev.retort.api;

import java.util.function.Consumer;

/**
 * Hears how compiling revision scripts goes, when it takes more than about a second (a cold cache over many revisions):
 * how many of how many are compiled, then a summary. A run whose revisions are all cached or precompiled says nothing,
 * and so does a compile of only a few scripts.
 */
public interface CompileListener {
    /** {@code done} of {@code total} revisions compiled so far. */
    void progress(int done, int total);

    /**
     * Compiling is over: {@code compiled 1000 revisions in 18.2 s; cached in .retort/cache}, or, when a script does not
     * compile, {@code stopped compiling after 430 of 1000 revisions} (the error follows as the command's failure).
     */
    void finished(String summary);

    /**
     * Plain lines for a log: {@code Compiling revisions 430/1000} when compiling starts to show and at each further tenth,
     * then the summary.
     */
    static CompileListener lines(Consumer<String> log) {
        return new CompileListener() {
            private int shownTenths = -1;

            @Override public synchronized void progress(int done, int total) {
                int tenths = total == 0 ? 10 : done * 10 / total;
                if (tenths <= shownTenths) return;
                shownTenths = tenths;
                log.accept("Compiling revisions " + done + "/" + total);
            }

            @Override public void finished(String summary) { log.accept(summary); }
        };
    }
}
