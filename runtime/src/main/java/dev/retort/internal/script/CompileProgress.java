package dev.retort.internal.script;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * What the compilers report while they compile cache misses. {@link #reporting} turns it into what a person sees: nothing
 * until compiling has taken {@code delay}, then progress and a summary line.
 */
public interface CompileProgress {
    /** {@code done} of {@code total} scripts of this compile are compiled; called with 0 when it starts. */
    void compiled(int done, int total);

    /** The compile of {@code total} scripts succeeded. */
    void finished(int total);

    /** The compile of {@code total} scripts stopped at a script that does not compile (its error follows). */
    default void failed(int total) {}

    /**
     * Fewer scripts than this compile without a word however long they take: a handful is quick enough, and the
     * commands' own output (or their error) stays the only thing on stderr.
     */
    int MIN_REPORTED = 10;

    /**
     * Who hears about compiling, and after how long: what {@link #reporting} needs besides the cache folder, which is
     * known only once the configuration is read.
     */
    record Listener(BiConsumer<Integer, Integer> progress, Consumer<String> summary, Duration delay) {
        public CompileProgress forCache(Path cacheDir) { return reporting(progress, summary, delay, cacheDir); }
    }

    CompileProgress NONE = new CompileProgress() {
        @Override public void compiled(int done, int total) {}
        @Override public void finished(int total) {}
    };

    /**
     * Reports to {@code progress} and {@code summary} once a compile of at least {@link #MIN_REPORTED} scripts has taken
     * {@code delay} (zero: at once): a shorter or smaller one says nothing.
     * The summary names the cache folder ({@code cacheDir}, relative to the working folder when inside it).
     */
    static CompileProgress reporting(BiConsumer<Integer, Integer> progress, Consumer<String> summary, Duration delay, Path cacheDir) {
        return new CompileProgress() {
            private long started;
            private int done;
            private int total;
            private boolean running;
            private boolean shown;

            @Override public synchronized void compiled(int done, int total) {
                if (total < MIN_REPORTED) return;
                // Batches on several threads may report out of order: never count down.
                if (done != 0 && done < this.done) return;
                this.done = done;
                this.total = total;
                if (done == 0) start();
                if (shown) progress.accept(done, total);
            }

            /** A compile may report nothing for a long time (Kotlin compiles a batch in one go): a timer shows it started. */
            private void start() {
                started = System.nanoTime();
                running = true;
                shown = delay.isZero();
                if (shown) return;
                long session = started;
                Thread timer = new Thread(() -> {
                    try {
                        Thread.sleep(delay.toMillis());
                    } catch (InterruptedException e) {
                        return;
                    }
                    synchronized (this) {
                        if (!running || started != session || shown) return;
                        shown = true;
                        progress.accept(done, total);
                    }
                }, "retort-compile-progress");
                timer.setDaemon(true);
                timer.start();
            }

            @Override public synchronized void failed(int total) {
                running = false;
                if (!shown) return;
                shown = false;
                summary.accept("stopped compiling after " + done + " of " + total + " revisions");
            }

            @Override public synchronized void finished(int total) {
                running = false;
                if (!shown) return;
                shown = false;
                progress.accept(total, total);
                summary.accept(String.format(Locale.ROOT, "compiled %d revision%s in %.1f s; cached in %s", total, total == 1 ? "" : "s",
                        (System.nanoTime() - started) / 1e9, shown(cacheDir)));
            }
        };
    }

    private static String shown(Path dir) {
        Path here = Path.of("").toAbsolutePath();
        Path absolute = dir.toAbsolutePath().normalize();
        return absolute.startsWith(here) && !absolute.equals(here) ? here.relativize(absolute).toString() : absolute.toString();
    }
}
