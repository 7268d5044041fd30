package dev.retort.internal.fleet;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Runs one task per item, at most {@code parallel} at a time, starting them in list order. Once a result says stop,
 * no further task starts; those already running finish. Items never started have a null result.
 */
final class BoundedPool {
    private BoundedPool() {}

    static <T, R> List<R> run(List<T> items, int parallel, Function<T, R> task, Predicate<R> stop) {
        AtomicReferenceArray<R> results = new AtomicReferenceArray<>(items.size());
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean stopped = new AtomicBoolean();
        Callable<Void> worker = () -> {
            int i;
            while (!stopped.get() && (i = next.getAndIncrement()) < items.size()) {
                R result = task.apply(items.get(i));
                results.set(i, result);
                if (stop.test(result)) stopped.set(true);
            }
            return null;
        };
        int threads = Math.max(1, Math.min(parallel, items.size()));
        if (threads == 1) {
            call(worker);
        } else {
            AtomicInteger counter = new AtomicInteger();
            // Daemon threads: a launcher that is told to exit does not wait for them. They inherit this thread's
            // context class loader, which revision scripts use.
            ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "retort-fleet-" + counter.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            try {
                List<Callable<Void>> workers = new ArrayList<>();
                for (int w = 0; w < threads; w++) workers.add(worker);
                for (Future<Void> f : pool.invokeAll(workers)) f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the fleet was running", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException re) throw re;
                if (e.getCause() instanceof Error err) throw err;
                throw new IllegalStateException(e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }
        List<R> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) out.add(results.get(i));
        return out;
    }

    private static void call(Callable<Void> worker) {
        try {
            worker.call();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
