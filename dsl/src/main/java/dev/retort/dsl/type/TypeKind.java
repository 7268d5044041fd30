package dev.retort.dsl.type;

/** The generic column types a revision can name; each dialect maps every kind to its native type. */
public enum TypeKind {
    INTEGER, BIGINT, SMALLINT, BOOLEAN, STRING, TEXT, NUMERIC, FLOAT, DOUBLE,
    DATE, TIME, TIMESTAMP, TIMESTAMP_TZ, BINARY, BLOB, UUID, JSON, ENUM, RAW
}
