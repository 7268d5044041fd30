// Runs after both builds: invocation 1 (PostgreSQL) failed on RT204, invocation 2 (H2) passed with the warning only.
String log = new File(basedir, 'build.log').getText('UTF-8')
int second = log.lastIndexOf('[INFO] Scanning for projects...')
String first = log.substring(0, second)
String rest = log.substring(second)

String file = 'src/main/resources/db/retort/2026_02_01_0901-0dd500000002_index_orders.kts'
assert first.contains("[ERROR] ${file}:6 RT204 error")
assert first.contains('fix: createIndex("ix_orders_customer", "orders", listOf("customer_id"), concurrently = true)')
assert first.contains("[WARNING] ${file}:7 RT104 warning")
assert first =~ /\[ERROR\] Failed to execute goal dev\.retort:retort-maven-plugin:[^:]+:lint \(default-cli\) on project lint-fails-build/
assert !first.contains('\tat ')

assert !rest.contains('RT204')
assert rest.contains("[WARNING] ${file}:7 RT104 warning")
assert rest.contains('BUILD SUCCESS')
true
