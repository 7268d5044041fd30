// The jar of a project with no Java sources: 'retort compile' put the revision's class files in it, one bundle per
// script under META-INF/retort/compiled/, keyed by the script's content.
import java.util.jar.JarFile

String log = new File(basedir, 'build.log').getText('UTF-8')
assert log =~ /retort-maven-plugin:[^:]+:compile \(default\) @ compile-into-jar/

File jar = new File(basedir, 'target/compile-into-jar-1.0.jar')
assert jar.isFile()
List<String> entries = new JarFile(jar).withCloseable { j -> j.entries().toList()*.name }
println "compile-into-jar-1.0.jar holds:\n  " + entries.join('\n  ')
assert entries.contains('db/retort/2026_01_07_0800-ca5e00000001_create_notes.groovy')
assert entries.count { it.startsWith('META-INF/retort/compiled/') && it.endsWith('.classes') } == 1
assert log.contains('Compiled 1 revision into')
true
