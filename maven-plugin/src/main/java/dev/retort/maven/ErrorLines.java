package dev.retort.maven;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.logging.Log;

/**
 * What a run printed on its error stream: {@code warning:} lines go to the Maven log at once; the rest is kept, and
 * becomes the goal's failure message when the run fails — the command's one paragraph, without a stack trace (that
 * goes to the debug log, which {@code -X} shows).
 */
final class ErrorLines {
    private static final String CLI_HINT = "(run again with --debug for the stack trace)";

    private final Log log;
    private final List<String> kept = new ArrayList<>();

    ErrorLines(Log log) { this.log = log; }

    void add(String line) {
        if (line.startsWith("warning: ")) log.warn(line.substring("warning: ".length()));
        // Compile progress and its summary: information, as the starter logs it, not a warning kept for the end.
        else if (line.startsWith("Compiling revisions ") || line.matches("(compiled|stopped compiling after) \\d+ .*revisions?.*")) log.info(line);
        else kept.add(line);
    }

    /** After a run that succeeded: anything it still said on its error stream is a warning. */
    void warnKept() {
        kept.stream().filter(l -> !l.isBlank()).forEach(log::warn);
    }

    /** After a run that failed: its message, with the stack trace (present under -X) sent to the debug log. */
    Optional<String> failureMessage() {
        int trace = -1;
        for (int i = 1; i < kept.size() && trace < 0; i++) if (kept.get(i).startsWith("\tat ")) trace = i - 1;
        List<String> message = new ArrayList<>(trace < 0 ? kept : kept.subList(0, trace));
        if (trace >= 0) kept.subList(trace, kept.size()).forEach(log::debug);
        message.replaceAll(l -> l.equals(CLI_HINT) ? "(run Maven again with -X for the stack trace)" : l);
        while (!message.isEmpty() && message.get(message.size() - 1).isBlank()) message.remove(message.size() - 1);
        if (message.isEmpty()) return Optional.empty();
        String text = String.join(System.lineSeparator(), message);
        return Optional.of(text.startsWith("error: ") ? text.substring("error: ".length()) : text);
    }
}
