package dev.retort.cli

/** The branch workflow on the embedded H2 database. */
class BranchWorkflowOnH2Spec extends BranchWorkflowSpec {
    String databaseUrl() { 'jdbc:h2:file:${here}/.retort/branches' }
    String databaseUser() { 'sa' }
}
