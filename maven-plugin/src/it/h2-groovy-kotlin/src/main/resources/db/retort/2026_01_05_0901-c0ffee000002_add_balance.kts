revision("c0ffee000002")
revises("c0ffee000001")
message("add balance")

upgrade {
    addColumn("accounts", "balance", numeric(12, 2))
}
downgrade {
    dropColumn("accounts", "balance")
}
