package dev.retort.internal.script;

import dev.retort.dsl.op.Operation;
import dev.retort.dsl.op.SqlFile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.NotSerializableException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What running a revision script recorded (its operations, their lines and which are assured), as bytes the compile cache keeps beside the
 * script's classes under the same key. A warm run of an unchanged script reads them instead of loading and running it,
 * which spares Groovy's metaclass set-up per script. Only plain data is kept: the DSL's operation records and JDK values.
 * An operation holding code ({@code connection { }}) or a value of another type (a Groovy {@code GString} in an insert)
 * does not encode, and such a script runs on every run as before.
 */
final class RecordedOperations {
    private RecordedOperations() {}

    /** The stored form. The line map is by identity; one stream keeps each operation once, so identities survive. */
    private record Recording(List<Operation> upgrade, List<Operation> downgrade, IdentityHashMap<Operation, Integer> lines,
                             List<Operation> assured) implements Serializable {}

    /**
     * Packages whose values a recording may hold. Not {@code sqlFile}: it holds the text of a file beside the script, which
     * can change while the script (the recording's key) does not, so a script that reads one runs every time.
     */
    private static boolean allowed(Class<?> type) {
        if (type == SqlFile.class) return false;
        String name = type.getName();
        return type.isArray() || type.isPrimitive() || name.startsWith("java.") || name.startsWith("dev.retort.dsl.")
                || type == Recording.class;
    }

    /** The recording's bytes; empty when the script recorded something that is not plain data. */
    static Optional<byte[]> encode(LoadedRevision revision) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new DataOnlyOutput(buffer)) {
            out.writeObject(new Recording(revision.upgrade(), revision.explicitDowngrade().orElse(null), new IdentityHashMap<>(revision.lines()),
                    new ArrayList<>(revision.assured())));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.of(buffer.toByteArray());
    }

    /** The revision as recorded; throws when the bytes are not a recording this build can read. */
    static LoadedRevision decode(byte[] bytes, RevisionSource source) throws IOException {
        try (ObjectInputStream in = new DataOnlyInput(new ByteArrayInputStream(bytes))) {
            Recording r = (Recording) in.readObject();
            Map<Operation, Integer> lines = r.lines() == null ? Map.of() : r.lines();
            // By identity, as LoadedRevision keeps them: equal operations on different lines stay two.
            Set<Operation> assured = Collections.newSetFromMap(new IdentityHashMap<>());
            if (r.assured() != null) assured.addAll(r.assured());
            return new LoadedRevision(source, r.upgrade(), Optional.ofNullable(r.downgrade()), lines, assured);
        } catch (ClassNotFoundException | ClassCastException e) {
            throw new IOException("not a recording of this build: " + e.getMessage(), e);
        }
    }

    /** Refuses, while writing, any object outside the allowed packages. */
    private static final class DataOnlyOutput extends ObjectOutputStream {
        DataOnlyOutput(ByteArrayOutputStream out) throws IOException {
            super(out);
            enableReplaceObject(true);
        }

        @Override protected Object replaceObject(Object obj) throws IOException {
            if (obj != null && !allowed(obj.getClass())) throw new NotSerializableException(obj.getClass().getName());
            return obj;
        }
    }

    /** Reads only the allowed packages, resolving them in Retort's own class loader (the plugin's, inside Maven). */
    private static final class DataOnlyInput extends ObjectInputStream {
        DataOnlyInput(ByteArrayInputStream in) throws IOException {
            super(in);
            setObjectInputFilter(info -> info.serialClass() == null || allowed(info.serialClass())
                    ? ObjectInputFilter.Status.UNDECIDED : ObjectInputFilter.Status.REJECTED);
        }

        @Override protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            Class<?> type;
            try {
                type = Class.forName(desc.getName(), false, RecordedOperations.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                type = super.resolveClass(desc);
            }
            if (!allowed(type)) throw new InvalidClassException(desc.getName(), "not allowed in a recording");
            return type;
        }
    }
}
