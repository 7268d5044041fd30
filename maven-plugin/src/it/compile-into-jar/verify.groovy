// The jar of a project with no Java sources: every class in it is a compiled revision.
import java.util.jar.JarFile

String log = new File(basedir, 'build.log').getText('UTF-8')
assert log =~ /retort-maven-plugin:[^:]+:compile \(default\) @ compile-into-jar/

File jar = new File(basedir, 'target/compile-into-jar-1.0.jar')
assert jar.isFile()
List<String> entries = new JarFile(jar).withCloseable { j -> j.entries().toList()*.name }
println "compile-into-jar-1.0.jar holds:\n  " + entries.join('\n  ')
assert entries.contains('db/retort/2026_01_07_0800-ca5e00000001_create_notes.groovy')
assert entries.any { it.endsWith('.class') }
true
