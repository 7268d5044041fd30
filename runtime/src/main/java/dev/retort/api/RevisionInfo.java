package dev.retort.api;

import java.util.List;

/** A revision as the API reports it. */
public record RevisionInfo(String id, List<String> downRevisions, List<String> branchLabels, String message,
                           boolean head, String path) {}
