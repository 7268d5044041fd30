package dev.retort.internal.db;

import java.net.InetAddress;

/** Who runs a migration, as recorded in the history and shown to launchers waiting for the lock. */
public record LauncherIdentity(String osUser, String host, long pid) {

    public static LauncherIdentity current() {
        return new LauncherIdentity(System.getProperty("user.name", "unknown"), hostName(), ProcessHandle.current().pid());
    }

    private static String hostName() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) return env;
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "unknown";
        }
    }

    /** {@code alice@build-7 pid 4242}. */
    public String describe() { return osUser + "@" + host + " pid " + pid; }
}
