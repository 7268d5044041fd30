package dev.retort.internal.graph;

import java.util.*;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Alembic's target grammar over a {@link RevisionGraph}: {@code head}, {@code heads}, {@code base}, ids, unique
 * prefixes, branch labels, {@code label@head|heads|base|rev}, and walks ({@code +N}, {@code -N}, {@code rev+N},
 * {@code head-N}, {@code base+N}, {@code label@+N}, {@code label@head-N}). Pure.
 */
public final class Targets {
    /** {@code [label@][symbol](+|-)N}, Alembic's relative destination. */
    static final Pattern RELATIVE = Pattern.compile("(?:(.+?)@)?(\\w+)?([+-]\\d+)");
    /** Marks a walk that ended below the bases (a position, not a revision). */
    static final String BASE = "";

    private final RevisionGraph graph;

    public Targets(RevisionGraph graph) { this.graph = graph; }

    /** A relative target split into its parts; null when the text is absolute. */
    record Relative(String label, String symbol, int steps, String text) {
        static Relative parse(String text) {
            Matcher m = RELATIVE.matcher(text);
            if (!m.matches()) return null;
            return new Relative(m.group(1), m.group(2), Integer.parseInt(m.group(3)), text);
        }
    }

    // ---- absolute symbols -------------------------------------------------------------------------

    /**
     * The revisions a symbol names (Alembic's {@code get_revisions}): none for {@code base}; all real heads for
     * {@code heads}; {@code label@-N} walks down from that branch's heads.
     */
    public List<String> revisions(String symbol) {
        int at = symbol.indexOf('@');
        String label = at >= 0 ? symbol.substring(0, at) : null;
        String id = at >= 0 ? symbol.substring(at + 1) : symbol;
        if (id.equals("heads")) return label == null ? graph.realHeads() : inLineage(graph.heads(), label);
        if (id.equals("head")) { String h = currentHead(label); return h == null ? List.of() : List.of(h); }
        if (id.equals("base") || id.isEmpty()) return List.of();
        if (id.matches("-\\d+")) {
            int steps = Integer.parseInt(id);
            List<String> heads = label == null ? graph.heads()
                    : graph.heads().stream().filter(h -> graph.branchLabels(h).contains(label)).toList();
            List<String> out = new ArrayList<>();
            for (String h : heads) {
                String r = walk(h, steps, null, symbol);
                if (r != null && !r.equals(BASE)) out.add(r);
            }
            return out;
        }
        return List.of(revisionForIdent(id, label));
    }

    /** Exactly one revision, or null for base; several is Alembic's "multiple heads" error. */
    public String single(String symbol) {
        List<String> found = revisions(symbol);
        if (found.size() > 1) throw multipleHeads(symbol, found);
        return found.isEmpty() ? null : found.get(0);
    }

    /** The one head (of a branch, when labelled), or null when there are no revisions. */
    public String currentHead(String label) {
        List<String> heads = label == null ? graph.heads() : inLineage(graph.heads(), label);
        if (heads.size() > 1) throw multipleHeads(label == null ? "head" : label + "@head", heads);
        return heads.isEmpty() ? null : heads.get(0);
    }

    static GraphException multipleHeads(String argument, List<String> heads) {
        return new GraphException("Multiple head revisions are present for given argument '" + argument + "' ("
                + String.join(", ", heads) + "); name a specific target revision, '<branchname>@" + argument
                + "' to narrow to one branch, or 'heads' for all heads", heads);
    }

    private String revisionForIdent(String id, String label) {
        String found;
        if (label == null) {
            found = graph.resolve(id).id();
        } else {
            String branch = resolveBranch(label);
            Set<String> lineage = lineage(branch);
            if (graph.contains(id) || graph.labelled(id).isPresent()) {
                found = graph.resolve(id).id();
            } else {
                // A prefix only has to be unique within the branch.
                List<String> matches = new ArrayList<>();
                if (id.length() >= 4) for (String c : lineage) if (c.startsWith(id)) matches.add(c);
                Collections.sort(matches);
                if (matches.size() > 1)
                    throw new GraphException("Multiple revisions of branch '" + label + "' start with '" + id + "': "
                            + String.join(", ", matches) + "; type more characters of the one you mean");
                found = matches.isEmpty() ? graph.resolve(id).id() : matches.get(0);
            }
            if (!lineage.contains(found))
                throw new GraphException("Revision " + found + " is not a member of branch '" + label + "'; 'retort branches' "
                        + "and 'retort history' show which revisions each branch holds");
        }
        return found;
    }

    /** A branch label's revision; a revision id (or prefix) also names the branch it lies on. */
    public String resolveBranch(String label) {
        Optional<String> labelled = graph.labelled(label);
        if (labelled.isPresent()) return labelled.get();
        try {
            return graph.resolve(label).id();
        } catch (GraphException e) {
            throw new GraphException("No such branch: '" + label + "'; 'retort branches' and 'retort heads' list the "
                    + "branch labels (" + e.getMessage() + ")");
        }
    }

    /** Everything above and below a branch's revision, without dependencies: what "shares lineage" with it. */
    Set<String> lineage(String branchRevision) {
        Set<String> out = graph.ancestorsOrSelf(List.of(branchRevision), false);
        out.addAll(graph.descendantsOrSelf(List.of(branchRevision), false));
        return out;
    }

    /** The revisions (in order) that share lineage with a branch label or revision. */
    public List<String> inLineage(Collection<String> ids, String label) {
        Set<String> lineage = lineage(resolveBranch(label));
        return ids.stream().filter(lineage::contains).toList();
    }

    // ---- walks ------------------------------------------------------------------------------------

    /**
     * Walks {@code steps} up (positive: children, restricted to the branch when labelled) or down (negative: down
     * revisions). From null, up starts at the bases and down at the heads. Returns the revision reached,
     * {@link #BASE} when a downward walk ends just below a root, or null when the walk runs out of revisions.
     */
    String walk(String start, int steps, String label, String text) {
        String at = start;
        Set<String> lineage = label == null || steps <= 0 ? null : lineage(resolveBranch(label));
        for (int i = 0; i < Math.abs(steps); i++) {
            List<String> next;
            if (steps > 0) {
                if (BASE.equals(at)) at = null;
                List<String> up = at == null ? graph.bases() : graph.children(at);
                next = lineage == null ? up : up.stream().filter(lineage::contains).toList();
            } else if (BASE.equals(at)) {
                next = List.of();
            } else {
                next = at == null ? graph.heads() : graph.get(at).downRevisions();
                if (next.isEmpty()) next = List.of(BASE);
            }
            if (next.isEmpty()) return null;
            if (next.size() > 1) {
                String from = at == null ? "base" : at;
                throw new GraphException("Relative revision " + text + " is ambiguous: from " + from + " it could go to "
                        + String.join(", ", next) + (steps > 0
                        ? "; name the branch, e.g. LABEL@+" + steps + " or REV+" + steps
                        : at == null ? "; name the branch, e.g. LABEL@head" + steps
                        : "; " + at + " is a merge, so name the revision to go down to, e.g. '" + next.get(0) + "'"), next);
            }
            at = next.get(0);
        }
        return at;
    }

    static GraphException tooFar(String text, int steps) {
        return new GraphException("Relative revision " + text + " didn't produce " + Math.abs(steps) + " migrations: "
                + "the graph has fewer revisions in that direction; 'retort history' shows them");
    }

    // ---- upgrade and downgrade destinations -------------------------------------------------------

    /** What {@code upgrade TARGET} aims at, given the version-table rows (Alembic's {@code _parse_upgrade_target}). */
    public List<String> upgradeTargets(List<String> current, String target) {
        Relative rel = Relative.parse(target);
        if (rel == null) return revisions(target);
        if (rel.steps() > 0) {
            String start;
            if (rel.symbol() == null) {
                List<String> starts = current;
                if (rel.label() != null) {
                    starts = inLineage(current, rel.label());
                    if (starts.isEmpty()) {
                        // The branch is not at a row: start from its applied tip, or from base.
                        Set<String> active = new HashSet<>(inLineage(graph.appliedFrom(current), rel.label()));
                        starts = graph.headsOf(active);
                    }
                }
                if (starts.size() > 1)
                    throw new GraphException("Relative revision " + target + " is ambiguous: the database is at several "
                            + "revisions (" + String.join(", ", starts) + "); name the branch (LABEL@" + target + ") or the "
                            + "revision (REV" + target + ") to start from", starts);
                start = starts.isEmpty() ? null : starts.get(0);
            } else {
                start = single(rel.symbol());
            }
            String r = walk(start, rel.steps(), rel.label(), target);
            if (r == null) throw tooFar(target, rel.steps());
            return List.of(r);
        }
        if (rel.symbol() == null)
            throw new GraphException("Relative revision " + target + " didn't produce " + Math.abs(rel.steps())
                    + " migrations: upgrade goes up; use 'retort downgrade " + target + "' to go down");
        String start = single(rel.label() == null ? rel.symbol() : rel.label() + "@" + rel.symbol());
        String r = walk(start, rel.steps(), null, target);
        if (r == null) throw tooFar(target, rel.steps());
        return r.equals(BASE) ? List.of() : List.of(r);
    }

    /** A downgrade destination: the revision to keep (null for base) and the branch it was named through. */
    public record DowngradeTarget(String label, String revision) {}

    /** What {@code downgrade TARGET} aims at (Alembic's {@code _parse_downgrade_target}). */
    public DowngradeTarget downgradeTarget(List<String> current, String target) {
        Relative rel = Relative.parse(target);
        if (rel == null) {
            int at = target.lastIndexOf('@');
            return new DowngradeTarget(at > 0 ? target.substring(0, at) : null, single(target));
        }
        if (rel.steps() >= 0) {
            if (rel.symbol() == null)
                throw new GraphException("Relative revision " + target + " didn't produce " + rel.steps()
                        + " migrations: downgrade goes down; use 'retort upgrade " + target + "' to go up");
            String r = walk(single(rel.symbol()), rel.steps(), rel.label(), target);
            if (r == null) throw tooFar(target, rel.steps());
            return new DowngradeTarget(rel.label(), r.equals(BASE) ? null : r);
        }
        String label = rel.label();
        String symbol = rel.symbol();
        if (symbol == null) {
            if (label != null) {
                List<String> mine = inLineage(current, label);
                if (mine.isEmpty()) mine = inLineage(graph.headsOf(graph.appliedFrom(current)), label);
                if (mine.isEmpty())
                    throw new GraphException("Relative revision " + target + " didn't produce " + -rel.steps()
                            + " migrations: nothing of branch '" + label + "' is applied");
                if (mine.size() > 1)
                    throw new GraphException("Relative revision " + target + " is ambiguous: branch '" + label + "' is at "
                            + String.join(", ", mine) + "; downgrade to a revision by id", mine);
                symbol = mine.get(0);
            } else {
                List<String> distinct = new ArrayList<>(new LinkedHashSet<>(current));
                if (distinct.isEmpty())
                    throw new GraphException("Relative revision " + target + " didn't produce " + -rel.steps()
                            + " migrations: the database has no revision applied");
                if (distinct.size() > 1)
                    throw new GraphException("Relative revision " + target + " is ambiguous: the database is at several heads ("
                            + String.join(", ", distinct) + "); name the branch (LABEL@" + target + ") or the revision (REV"
                            + target + ")", distinct);
                symbol = distinct.get(0);
                label = symbol;
            }
        }
        String start = single(label == null ? symbol : label + "@" + symbol);
        String r = walk(start, rel.steps(), null, target);
        if (r == null) throw tooFar(target, rel.steps());
        return new DowngradeTarget(label, r.equals(BASE) ? null : r);
    }
}
