revision("e1a00000000c")
revises("e1a00000000b")
message("create the Default experiment")

// Kotlin beside Groovy in one folder. A data migration: the Default experiment, and every run without one moved into it.
upgrade {
    insert("experiments", listOf(mapOf("name" to "Default", "artifact_location" to "mlruns/default", "lifecycle_stage" to "active")))
    connection { c ->
        c.createStatement().use {
            it.executeUpdate("UPDATE runs SET experiment_id = (SELECT experiment_id FROM experiments WHERE name = 'Default') WHERE experiment_id IS NULL")
        }
    }
}

downgrade {
    execute("UPDATE runs SET experiment_id = NULL WHERE experiment_id = (SELECT experiment_id FROM experiments WHERE name = 'Default')")
    execute("DELETE FROM experiments WHERE name = 'Default'")
}
