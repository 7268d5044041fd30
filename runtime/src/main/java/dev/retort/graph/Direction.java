package dev.retort.graph;

public enum Direction { UPGRADE, DOWNGRADE }
