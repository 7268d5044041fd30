package dev.retort.internal.graph;

public enum Direction { UPGRADE, DOWNGRADE }
