-- Golden SQL for the sqlite dialect; see DialectGoldenSpec.
-- case: (setup)
CREATE TABLE grupos (
    id INTEGER NOT NULL,
    nome VARCHAR(50) NOT NULL,
    PRIMARY KEY (id)
);

CREATE TABLE usuarios (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    nome VARCHAR(100) NOT NULL,
    idade INTEGER DEFAULT 0,
    email VARCHAR(255),
    grupo_id INTEGER,
    CONSTRAINT uq_usuarios_email UNIQUE (email),
    CONSTRAINT fk_usuarios_grupo FOREIGN KEY (grupo_id) REFERENCES grupos (id),
    CONSTRAINT ck_usuarios_idade CHECK (idade >= 0)
);

CREATE INDEX ix_usuarios_nome ON usuarios (nome);

CREATE TABLE etiquetas (
    codigo VARCHAR(20) NOT NULL,
    usuario_id INTEGER
);

-- case: createTable
CREATE TABLE produtos (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    nome VARCHAR(100) NOT NULL,
    preco NUMERIC(10, 2) DEFAULT 0,
    criado TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
    usuario_id INTEGER,
    sku VARCHAR(30),
    FOREIGN KEY (usuario_id) REFERENCES usuarios (id) ON DELETE CASCADE,
    UNIQUE (sku),
    CONSTRAINT uq_produtos_nome UNIQUE (nome, usuario_id),
    CONSTRAINT ck_produtos_preco CHECK (preco >= 0)
);

CREATE INDEX ix_produtos_nome ON produtos (nome);

-- case: createTable every type
CREATE TABLE tipos (
    a INTEGER,
    b BIGINT,
    c SMALLINT,
    d BOOLEAN,
    e VARCHAR(10),
    f VARCHAR,
    g TEXT,
    h NUMERIC(12, 4),
    i REAL,
    j DOUBLE,
    k DATE,
    l TIME,
    m TIMESTAMP,
    n TIMESTAMP,
    o BLOB,
    p BLOB,
    q CHAR(36),
    r TEXT,
    s VARCHAR(5),
    t CHAR(2),
    CHECK (s IN ('novo', 'usado'))
);

-- case: createTable ifNotExists
CREATE TABLE IF NOT EXISTS logs (
    linha TEXT
);

-- case: createTable quoted names
CREATE TABLE "Order" (
    "user" VARCHAR(20),
    "first name" VARCHAR(20)
);

-- case: dropTable
DROP TABLE etiquetas;

-- case: dropTable ifExists
DROP TABLE IF EXISTS etiquetas;

-- case: renameTable
ALTER TABLE etiquetas RENAME TO rotulos;

-- case: addColumn
ALTER TABLE usuarios ADD COLUMN apelido VARCHAR(50);

-- case: addColumn not null with default
ALTER TABLE usuarios ADD COLUMN ativo BOOLEAN DEFAULT 1 NOT NULL;

-- case: addColumn unique
CREATE TABLE retort_new_usuarios (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    nome VARCHAR(100) NOT NULL,
    idade INTEGER DEFAULT 0,
    email VARCHAR(255),
    grupo_id INTEGER,
    cpf VARCHAR(11),
    UNIQUE (cpf),
    CONSTRAINT uq_usuarios_email UNIQUE (email),
    CONSTRAINT fk_usuarios_grupo FOREIGN KEY (grupo_id) REFERENCES grupos (id),
    CONSTRAINT ck_usuarios_idade CHECK (idade >= 0)
);

INSERT INTO retort_new_usuarios (id, nome, idade, email, grupo_id) SELECT id, nome, idade, email, grupo_id FROM usuarios;

DROP TABLE usuarios;

ALTER TABLE retort_new_usuarios RENAME TO usuarios;

CREATE INDEX ix_usuarios_nome ON usuarios (nome);

CREATE TEMP TABLE retort_foreign_key_check (violations INTEGER CONSTRAINT foreign_keys_of_rebuilt_table_must_hold CHECK (violations = 0));

INSERT INTO retort_foreign_key_check SELECT count(*) FROM pragma_foreign_key_check('usuarios');

DROP TABLE temp.retort_foreign_key_check;

-- case: addColumn references
ALTER TABLE etiquetas ADD COLUMN grupo_id INTEGER REFERENCES grupos (id) ON DELETE SET NULL;

-- case: addColumn references set_null
ALTER TABLE etiquetas ADD COLUMN grupo_id INTEGER REFERENCES grupos (id) ON DELETE SET NULL;

-- case: addColumn references unknown action
!error: unknown referential action 'bogus'; use CASCADE, SET NULL, SET DEFAULT, RESTRICT or NO ACTION

-- case: addColumn default holding ADD COLUMN
ALTER TABLE usuarios ADD COLUMN nota VARCHAR(50) DEFAULT 'x ADD COLUMN y';

-- case: addColumn with comment
ALTER TABLE usuarios ADD COLUMN bio TEXT;

-- case: addColumn enum
ALTER TABLE usuarios ADD COLUMN papel VARCHAR(6) CHECK (papel IN ('admin', 'membro'));

-- case: addColumn ifNotExists
!error: addColumn usuarios.apelido: SQLite has no ADD COLUMN IF NOT EXISTS; remove ifNotExists

-- case: dropColumn
ALTER TABLE etiquetas DROP COLUMN usuario_id;

-- case: dropColumn indexed
CREATE TABLE retort_new_usuarios (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    idade INTEGER DEFAULT 0,
    email VARCHAR(255),
    grupo_id INTEGER,
    CONSTRAINT uq_usuarios_email UNIQUE (email),
    CONSTRAINT fk_usuarios_grupo FOREIGN KEY (grupo_id) REFERENCES grupos (id),
    CONSTRAINT ck_usuarios_idade CHECK (idade >= 0)
);

INSERT INTO retort_new_usuarios (id, idade, email, grupo_id) SELECT id, idade, email, grupo_id FROM usuarios;

DROP TABLE usuarios;

ALTER TABLE retort_new_usuarios RENAME TO usuarios;

CREATE TEMP TABLE retort_foreign_key_check (violations INTEGER CONSTRAINT foreign_keys_of_rebuilt_table_must_hold CHECK (violations = 0));

INSERT INTO retort_foreign_key_check SELECT count(*) FROM pragma_foreign_key_check('usuarios');

DROP TABLE temp.retort_foreign_key_check;

-- case: dropColumn ifExists
ALTER TABLE etiquetas DROP COLUMN usuario_id;

-- case: alterColumn type with existing
CREATE TABLE retort_new_usuarios (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    nome VARCHAR(100) NOT NULL,
    idade BIGINT DEFAULT 0,
    email VARCHAR(255),
    grupo_id INTEGER,
    CONSTRAINT uq_usuarios_email UNIQUE (email),
    CONSTRAINT fk_usuarios_grupo FOREIGN KEY (grupo_id) REFERENCES grupos (id),
    CONSTRAINT ck_usuarios_idade CHECK (idade >= 0)
);

INSERT INTO retort_new_usuarios (id, nome, idade, email, grupo_id) SELECT id, nome, idade, email, grupo_id FROM usuarios;

DROP TABLE usuarios;

ALTER TABLE retort_new_usuarios RENAME TO usuarios;

CREATE INDEX ix_usuarios_nome ON usuarios (nome);

CREATE TEMP TABLE retort_foreign_key_check (violations INTEGER CONSTRAINT foreign_keys_of_rebuilt_table_must_hold CHECK (violations = 0));

INSERT INTO retort_foreign_key_check SELECT count(*) FROM pragma_foreign_key_check('usuarios');

DROP TABLE temp.retort_foreign_key_check;

-- case: alterColumn type read from table
CREATE TABLE retort_new_usuarios (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    nome VARCHAR(100) NOT NULL,
    idade INTEGER DEFAULT 0,
    email VARCHAR(320),
    grupo_id INTEGER,
    CONSTRAINT uq_usuarios_email UNIQUE (email),
    CONSTRAINT fk_usuarios_grupo FOREIGN KEY (grupo_id) REFERENCES grupos (id),
    CONSTRAINT ck_usuarios_idade CHECK (idade >= 0)
);

INSERT INTO retort_new_usuarios (id, nome, idade, email, grupo_id) SELECT id, nome, idade, email, grupo_id FROM usuarios;

DROP TABLE usuarios;

ALTER TABLE retort_new_usuarios RENAME TO usuarios;

CREATE INDEX ix_usuarios_nome ON usuarios (nome);

CREATE TEMP TABLE retort_foreign_key_check (violations INTEGER CONSTRAINT foreign_keys_of_rebuilt_table_must_hold CHECK (violations = 0));

INSERT INTO retort_foreign_key_check SELECT count(*) FROM pragma_foreign_key_check('usuarios');

DROP TABLE temp.retort_foreign_key_check;

-- case: alterColumn type using
CREATE TABLE retort_new_etiquetas (
    codigo INTEGER NOT NULL,
    usuario_id INTEGER
);

INSERT INTO retort_new_etiquetas (codigo, usuario_id) SELECT codigo, usuario_id FROM etiquetas;

DROP TABLE etiquetas;

ALTER TABLE retort_new_etiquetas RENAME TO etiquetas;

-- case: alterColumn not null
CREATE TABLE retort_new_usuarios (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    nome VARCHAR(100) NOT NULL,
    idade INTEGER DEFAULT 0,
    email VARCHAR(255) NOT NULL,
    grupo_id INTEGER,
    CONSTRAINT uq_usuarios_email UNIQUE (email),
    CONSTRAINT fk_usuarios_grupo FOREIGN KEY (grupo_id) REFERENCES grupos (id),
    CONSTRAINT ck_usuarios_idade CHECK (idade >= 0)
);

INSERT INTO retort_new_usuarios (id, nome, idade, email, grupo_id) SELECT id, nome, idade, email, grupo_id FROM usuarios;

DROP TABLE usuarios;

ALTER TABLE retort_new_usuarios RENAME TO usuarios;

CREATE INDEX ix_usuarios_nome ON usuarios (nome);

CREATE TEMP TABLE retort_foreign_key_check (violations INTEGER CONSTRAINT foreign_keys_of_rebuilt_table_must_hold CHECK (violations = 0));

INSERT INTO retort_foreign_key_check SELECT count(*) FROM pragma_foreign_key_check('usuarios');

DROP TABLE temp.retort_foreign_key_check;

-- case: alterColumn type unknown table
!error: alterColumn ausente.x: SQLite cannot ALTER this in place, so Retort rebuilds the table, which needs its current definition, and table 'ausente' is not known here. Offline (--sql) only tables created earlier in the same script are known: run the migration online, or render from a starting point that creates the table.

-- case: alterColumn set default
CREATE TABLE retort_new_usuarios (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    nome VARCHAR(100) NOT NULL,
    idade INTEGER DEFAULT 18,
    email VARCHAR(255),
    grupo_id INTEGER,
    CONSTRAINT uq_usuarios_email UNIQUE (email),
    CONSTRAINT fk_usuarios_grupo FOREIGN KEY (grupo_id) REFERENCES grupos (id),
    CONSTRAINT ck_usuarios_idade CHECK (idade >= 0)
);

INSERT INTO retort_new_usuarios (id, nome, idade, email, grupo_id) SELECT id, nome, idade, email, grupo_id FROM usuarios;

DROP TABLE usuarios;

ALTER TABLE retort_new_usuarios RENAME TO usuarios;

CREATE INDEX ix_usuarios_nome ON usuarios (nome);

CREATE TEMP TABLE retort_foreign_key_check (violations INTEGER CONSTRAINT foreign_keys_of_rebuilt_table_must_hold CHECK (violations = 0));

INSERT INTO retort_foreign_key_check SELECT count(*) FROM pragma_foreign_key_check('usuarios');

DROP TABLE temp.retort_foreign_key_check;

-- case: alterColumn drop default
CREATE TABLE retort_new_usuarios (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    nome VARCHAR(100) NOT NULL,
    idade INTEGER,
    email VARCHAR(255),
    grupo_id INTEGER,
    CONSTRAINT uq_usuarios_email UNIQUE (email),
    CONSTRAINT fk_usuarios_grupo FOREIGN KEY (grupo_id) REFERENCES grupos (id),
    CONSTRAINT ck_usuarios_idade CHECK (idade >= 0)
);

INSERT INTO retort_new_usuarios (id, nome, idade, email, grupo_id) SELECT id, nome, idade, email, grupo_id FROM usuarios;

DROP TABLE usuarios;

ALTER TABLE retort_new_usuarios RENAME TO usuarios;

CREATE INDEX ix_usuarios_nome ON usuarios (nome);

CREATE TEMP TABLE retort_foreign_key_check (violations INTEGER CONSTRAINT foreign_keys_of_rebuilt_table_must_hold CHECK (violations = 0));

INSERT INTO retort_foreign_key_check SELECT count(*) FROM pragma_foreign_key_check('usuarios');

DROP TABLE temp.retort_foreign_key_check;

-- case: alterColumn newName
ALTER TABLE usuarios RENAME COLUMN idade TO anos;

-- case: alterColumn comment
-- (nothing)

-- case: renameColumn
ALTER TABLE usuarios RENAME COLUMN email TO correio;

-- case: createIndex
CREATE INDEX ix_usuarios_idade ON usuarios (idade, nome);

-- case: createIndex unique
CREATE UNIQUE INDEX ux_etiquetas_codigo ON etiquetas (codigo);

-- case: createIndex partial
CREATE INDEX ix_usuarios_adultos ON usuarios (idade) WHERE idade >= 18;

-- case: createIndex concurrently
CREATE INDEX ix_usuarios_email ON usuarios (email);

-- case: createIndex ifNotExists
CREATE INDEX IF NOT EXISTS ix_usuarios_idade ON usuarios (idade);

-- case: dropIndex
DROP INDEX ix_usuarios_nome;

-- case: dropIndex ifExists
DROP INDEX IF EXISTS ix_usuarios_nome;

-- case: dropIndex without table
DROP INDEX ix_usuarios_nome;

-- case: createUniqueConstraint
CREATE TABLE retort_new_etiquetas (
    codigo VARCHAR(20) NOT NULL,
    usuario_id INTEGER,
    CONSTRAINT uq_etiquetas_codigo UNIQUE (codigo)
);

INSERT INTO retort_new_etiquetas (codigo, usuario_id) SELECT codigo, usuario_id FROM etiquetas;

DROP TABLE etiquetas;

ALTER TABLE retort_new_etiquetas RENAME TO etiquetas;

-- case: createPrimaryKey
CREATE TABLE retort_new_etiquetas (
    codigo VARCHAR(20) NOT NULL,
    usuario_id INTEGER,
    CONSTRAINT pk_etiquetas PRIMARY KEY (codigo)
);

INSERT INTO retort_new_etiquetas (codigo, usuario_id) SELECT codigo, usuario_id FROM etiquetas;

DROP TABLE etiquetas;

ALTER TABLE retort_new_etiquetas RENAME TO etiquetas;

-- case: createCheckConstraint
CREATE TABLE retort_new_etiquetas (
    codigo VARCHAR(20) NOT NULL,
    usuario_id INTEGER,
    CONSTRAINT ck_etiquetas_codigo CHECK (codigo <> '')
);

INSERT INTO retort_new_etiquetas (codigo, usuario_id) SELECT codigo, usuario_id FROM etiquetas;

DROP TABLE etiquetas;

ALTER TABLE retort_new_etiquetas RENAME TO etiquetas;

-- case: createForeignKey
CREATE TABLE retort_new_etiquetas (
    codigo VARCHAR(20) NOT NULL,
    usuario_id INTEGER,
    CONSTRAINT fk_etiquetas_usuario FOREIGN KEY (usuario_id) REFERENCES usuarios (id) ON DELETE CASCADE
);

INSERT INTO retort_new_etiquetas (codigo, usuario_id) SELECT codigo, usuario_id FROM etiquetas;

DROP TABLE etiquetas;

ALTER TABLE retort_new_etiquetas RENAME TO etiquetas;

CREATE TEMP TABLE retort_foreign_key_check (violations INTEGER CONSTRAINT foreign_keys_of_rebuilt_table_must_hold CHECK (violations = 0));

INSERT INTO retort_foreign_key_check SELECT count(*) FROM pragma_foreign_key_check('etiquetas');

DROP TABLE temp.retort_foreign_key_check;

-- case: createForeignKey set null
CREATE TABLE retort_new_etiquetas (
    codigo VARCHAR(20) NOT NULL,
    usuario_id INTEGER,
    CONSTRAINT fk_etiquetas_usuario FOREIGN KEY (usuario_id) REFERENCES usuarios (id) ON DELETE SET NULL ON UPDATE NO ACTION
);

INSERT INTO retort_new_etiquetas (codigo, usuario_id) SELECT codigo, usuario_id FROM etiquetas;

DROP TABLE etiquetas;

ALTER TABLE retort_new_etiquetas RENAME TO etiquetas;

CREATE TEMP TABLE retort_foreign_key_check (violations INTEGER CONSTRAINT foreign_keys_of_rebuilt_table_must_hold CHECK (violations = 0));

INSERT INTO retort_foreign_key_check SELECT count(*) FROM pragma_foreign_key_check('etiquetas');

DROP TABLE temp.retort_foreign_key_check;

-- case: createForeignKey notValid
CREATE TABLE retort_new_etiquetas (
    codigo VARCHAR(20) NOT NULL,
    usuario_id INTEGER,
    CONSTRAINT fk_etiquetas_usuario FOREIGN KEY (usuario_id) REFERENCES usuarios (id)
);

INSERT INTO retort_new_etiquetas (codigo, usuario_id) SELECT codigo, usuario_id FROM etiquetas;

DROP TABLE etiquetas;

ALTER TABLE retort_new_etiquetas RENAME TO etiquetas;

CREATE TEMP TABLE retort_foreign_key_check (violations INTEGER CONSTRAINT foreign_keys_of_rebuilt_table_must_hold CHECK (violations = 0));

INSERT INTO retort_foreign_key_check SELECT count(*) FROM pragma_foreign_key_check('etiquetas');

DROP TABLE temp.retort_foreign_key_check;

-- case: createCheckConstraint notValid
CREATE TABLE retort_new_etiquetas (
    codigo VARCHAR(20) NOT NULL,
    usuario_id INTEGER,
    CONSTRAINT ck_etiquetas_codigo CHECK (codigo <> '')
);

INSERT INTO retort_new_etiquetas (codigo, usuario_id) SELECT codigo, usuario_id FROM etiquetas;

DROP TABLE etiquetas;

ALTER TABLE retort_new_etiquetas RENAME TO etiquetas;

-- case: validateConstraint
-- (nothing)

-- case: dropConstraint foreignKey
CREATE TABLE retort_new_usuarios (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    nome VARCHAR(100) NOT NULL,
    idade INTEGER DEFAULT 0,
    email VARCHAR(255),
    grupo_id INTEGER,
    CONSTRAINT uq_usuarios_email UNIQUE (email),
    CONSTRAINT ck_usuarios_idade CHECK (idade >= 0)
);

INSERT INTO retort_new_usuarios (id, nome, idade, email, grupo_id) SELECT id, nome, idade, email, grupo_id FROM usuarios;

DROP TABLE usuarios;

ALTER TABLE retort_new_usuarios RENAME TO usuarios;

CREATE INDEX ix_usuarios_nome ON usuarios (nome);

-- case: dropConstraint unique
CREATE TABLE retort_new_usuarios (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    nome VARCHAR(100) NOT NULL,
    idade INTEGER DEFAULT 0,
    email VARCHAR(255),
    grupo_id INTEGER,
    CONSTRAINT fk_usuarios_grupo FOREIGN KEY (grupo_id) REFERENCES grupos (id),
    CONSTRAINT ck_usuarios_idade CHECK (idade >= 0)
);

INSERT INTO retort_new_usuarios (id, nome, idade, email, grupo_id) SELECT id, nome, idade, email, grupo_id FROM usuarios;

DROP TABLE usuarios;

ALTER TABLE retort_new_usuarios RENAME TO usuarios;

CREATE INDEX ix_usuarios_nome ON usuarios (nome);

CREATE TEMP TABLE retort_foreign_key_check (violations INTEGER CONSTRAINT foreign_keys_of_rebuilt_table_must_hold CHECK (violations = 0));

INSERT INTO retort_foreign_key_check SELECT count(*) FROM pragma_foreign_key_check('usuarios');

DROP TABLE temp.retort_foreign_key_check;

-- case: dropConstraint check
CREATE TABLE retort_new_usuarios (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    nome VARCHAR(100) NOT NULL,
    idade INTEGER DEFAULT 0,
    email VARCHAR(255),
    grupo_id INTEGER,
    CONSTRAINT uq_usuarios_email UNIQUE (email),
    CONSTRAINT fk_usuarios_grupo FOREIGN KEY (grupo_id) REFERENCES grupos (id)
);

INSERT INTO retort_new_usuarios (id, nome, idade, email, grupo_id) SELECT id, nome, idade, email, grupo_id FROM usuarios;

DROP TABLE usuarios;

ALTER TABLE retort_new_usuarios RENAME TO usuarios;

CREATE INDEX ix_usuarios_nome ON usuarios (nome);

CREATE TEMP TABLE retort_foreign_key_check (violations INTEGER CONSTRAINT foreign_keys_of_rebuilt_table_must_hold CHECK (violations = 0));

INSERT INTO retort_foreign_key_check SELECT count(*) FROM pragma_foreign_key_check('usuarios');

DROP TABLE temp.retort_foreign_key_check;

-- case: dropConstraint without type
CREATE TABLE retort_new_usuarios (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    nome VARCHAR(100) NOT NULL,
    idade INTEGER DEFAULT 0,
    email VARCHAR(255),
    grupo_id INTEGER,
    CONSTRAINT uq_usuarios_email UNIQUE (email),
    CONSTRAINT fk_usuarios_grupo FOREIGN KEY (grupo_id) REFERENCES grupos (id)
);

INSERT INTO retort_new_usuarios (id, nome, idade, email, grupo_id) SELECT id, nome, idade, email, grupo_id FROM usuarios;

DROP TABLE usuarios;

ALTER TABLE retort_new_usuarios RENAME TO usuarios;

CREATE INDEX ix_usuarios_nome ON usuarios (nome);

CREATE TEMP TABLE retort_foreign_key_check (violations INTEGER CONSTRAINT foreign_keys_of_rebuilt_table_must_hold CHECK (violations = 0));

INSERT INTO retort_foreign_key_check SELECT count(*) FROM pragma_foreign_key_check('usuarios');

DROP TABLE temp.retort_foreign_key_check;

-- case: tableComment
-- (nothing)

-- case: tableComment drop
-- (nothing)

-- case: insert
INSERT INTO etiquetas (codigo, usuario_id) VALUES ('O''Brien', 1);

INSERT INTO etiquetas (codigo, usuario_id) VALUES ('b', NULL);

-- case: execute
UPDATE usuarios SET idade = 0;

-- case: execute for one dialect
VACUUM;

-- case: onDialect
ALTER TABLE usuarios ADD COLUMN extra TEXT;

