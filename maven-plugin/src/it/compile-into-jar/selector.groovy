// The compile goal runs 'retort compile', which arrives in retort-cli separately (class CompileCommand, as every
// command is named); until the retort-cli under test has it, this IT waits, and the unit specs cover the goal's
// "not available in this Retort version" failure.
import java.util.zip.ZipFile

File cli = new File(localRepositoryPath, "dev/retort/retort-cli/${retortVersion}/retort-cli-${retortVersion}.jar")
assert cli.isFile() : "the retort-cli under test is not in the IT repository: $cli"
if (new ZipFile(cli).withCloseable { it.getEntry('dev/retort/cli/CompileCommand.class') != null }) return true
println 'retort-cli has no compile command yet: the compile-into-jar IT is skipped until it does'
return false
