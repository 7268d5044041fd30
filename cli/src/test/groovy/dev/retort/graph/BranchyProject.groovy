package dev.retort.graph

import dev.retort.testing.TempProject

/**
 * A project whose graph has a branch point, a merge, a second root, a {@code dependsOn} across branches and labels:
 * 1000aaaa0001 -> 2000bbbb0001 (billing), 3000cccc0001 ; 4000dddd0001 merges both ;
 * 5000eeee0001 (audit) -> 5000eeee0002, which depends on 2000bbbb0001.
 */
final class BranchyProject {
    private BranchyProject() {}

    static void write(TempProject project) {
        project.revision('1000aaaa0001', "revision '1000aaaa0001'\nmessage 'create accounts'\nupgrade { }", 'a')
        project.revision('2000bbbb0001', "revision '2000bbbb0001'\nrevises '1000aaaa0001'\nbranchLabels 'billing'\nmessage 'add invoices'\nupgrade { }", 'b')
        project.revision('3000cccc0001', "revision '3000cccc0001'\nrevises '1000aaaa0001'\nmessage 'add users'\nupgrade { }", 'c')
        project.revision('4000dddd0001', "revision '4000dddd0001'\nrevises '2000bbbb0001', '3000cccc0001'\nmessage 'merge billing'\nupgrade { }", 'd')
        project.revision('5000eeee0001', "revision '5000eeee0001'\nbranchLabels 'audit'\nmessage 'audit log'\nupgrade { }", 'e')
        project.revision('5000eeee0002', "revision '5000eeee0002'\nrevises '5000eeee0001'\ndependsOn '2000bbbb0001'\nmessage 'audit invoices'\nupgrade { }", 'f')
    }
}
