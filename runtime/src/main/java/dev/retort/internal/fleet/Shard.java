package dev.retort.internal.fleet;

import dev.retort.internal.script.ScriptChecksum;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One launcher's share of a fleet when n launchers run it ({@code --shard i/n}, or a Kubernetes Indexed Job's
 * {@code JOB_COMPLETION_INDEX}/{@code JOB_COMPLETIONS}): a target belongs to shard {@code hash(name) mod n}. The hash
 * of the name alone keeps every target in its shard when the file is reordered or other targets come and go.
 */
public record Shard(int index, int count) {
    public static final Shard ALL = new Shard(0, 1);

    public Shard {
        if (count < 1) throw new IllegalArgumentException("a shard count must be 1 or more, not " + count);
        if (index < 0 || index >= count)
            throw new IllegalArgumentException("shard index " + index + " is outside 0.." + (count - 1) + " (indexes count from 0, as "
                    + "JOB_COMPLETION_INDEX does: the shards of 4 launchers are 0/4, 1/4, 2/4 and 3/4)");
    }

    /** {@code 1/4}: the second of four shards. */
    public static Shard parse(String text) {
        String[] parts = text.strip().split("/", -1);
        if (parts.length != 2)
            throw new IllegalArgumentException("--shard " + text + " is not i/n; write e.g. --shard 0/4 for the first of four launchers");
        try {
            return new Shard(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--shard " + text + " is not i/n with whole numbers; write e.g. --shard 0/4");
        }
    }

    /** The shard a Kubernetes Indexed Job gives this pod, when the environment says. */
    public static Optional<Shard> fromEnvironment(Map<String, String> env) {
        String index = env.get("JOB_COMPLETION_INDEX");
        String count = env.get("JOB_COMPLETIONS");
        if (index == null && count == null) return Optional.empty();
        if (index == null || count == null)
            throw new IllegalArgumentException((index == null ? "JOB_COMPLETIONS" : "JOB_COMPLETION_INDEX") + " is set but "
                    + (index == null ? "JOB_COMPLETION_INDEX" : "JOB_COMPLETIONS") + " is not: a sharded fleet needs both (an Indexed "
                    + "Job sets JOB_COMPLETION_INDEX; set JOB_COMPLETIONS in the pod's env to the Job's completions), or --shard i/n");
        try {
            return Optional.of(new Shard(Integer.parseInt(index.strip()), Integer.parseInt(count.strip())));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("JOB_COMPLETION_INDEX=" + index + " and JOB_COMPLETIONS=" + count + " must be whole numbers");
        }
    }

    public boolean includes(String targetName) {
        if (count == 1) return true;
        byte[] digest = ScriptChecksum.digest().digest(targetName.getBytes(StandardCharsets.UTF_8));
        return Math.floorMod(ByteBuffer.wrap(digest).getLong(), count) == index;
    }

    public List<FleetTarget> select(List<FleetTarget> targets) {
        return targets.stream().filter(t -> includes(t.name())).toList();
    }

    @Override public String toString() { return index + "/" + count; }
}
