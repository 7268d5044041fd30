// A database of its own on the test server (retort_plugin_it), dropped first so a rerun starts empty;
// the build gets its URL as -Dretort.url (the invoker's script user properties), and Retort creates it (create_database = true).
String server = System.getenv('RETORT_TEST_PG_URL')
String url = server.replaceFirst('^(jdbc:postgresql://[^/]+/)[^?]*', '$1retort_plugin_it')
assert url != server : "RETORT_TEST_PG_URL is not a jdbc:postgresql://HOST/DB URL: $server"
// The driver is on this script's class path, which DriverManager in the outer build does not search.
def c = new org.postgresql.Driver().connect(server, new Properties())
try {
    c.createStatement().execute('DROP DATABASE IF EXISTS retort_plugin_it WITH (FORCE)')
} finally {
    c.close()
}
context.userProperties.put('retort.url', url)
new File(basedir, 'it-database.url').text = url
true
