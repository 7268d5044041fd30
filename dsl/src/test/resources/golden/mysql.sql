-- Golden SQL for the mysql dialect; see DialectGoldenSpec.
-- case: (setup)
CREATE TABLE grupos (
    id INT NOT NULL,
    nome VARCHAR(50) NOT NULL,
    PRIMARY KEY (id)
);

CREATE TABLE usuarios (
    id INT NOT NULL AUTO_INCREMENT,
    nome VARCHAR(100) NOT NULL,
    idade INT DEFAULT 0,
    email VARCHAR(255),
    grupo_id INT,
    PRIMARY KEY (id),
    CONSTRAINT uq_usuarios_email UNIQUE (email),
    CONSTRAINT fk_usuarios_grupo FOREIGN KEY (grupo_id) REFERENCES grupos (id),
    CONSTRAINT ck_usuarios_idade CHECK (idade >= 0)
);

CREATE INDEX ix_usuarios_nome ON usuarios (nome);

CREATE TABLE etiquetas (
    codigo VARCHAR(20) NOT NULL,
    usuario_id INT
);

-- case: createTable
CREATE TABLE produtos (
    id INT NOT NULL AUTO_INCREMENT,
    nome VARCHAR(100) NOT NULL COMMENT 'display name',
    preco DECIMAL(10, 2) DEFAULT 0,
    criado DATETIME DEFAULT CURRENT_TIMESTAMP,
    usuario_id INT,
    sku VARCHAR(30),
    PRIMARY KEY (id),
    FOREIGN KEY (usuario_id) REFERENCES usuarios (id) ON DELETE CASCADE,
    UNIQUE (sku),
    CONSTRAINT uq_produtos_nome UNIQUE (nome, usuario_id),
    CONSTRAINT ck_produtos_preco CHECK (preco >= 0)
) COMMENT='what we sell';

CREATE INDEX ix_produtos_nome ON produtos (nome);

-- case: createTable every type
CREATE TABLE tipos (
    a INT,
    b BIGINT,
    c SMALLINT,
    d BOOLEAN,
    e VARCHAR(10),
    f VARCHAR(255),
    g TEXT,
    h DECIMAL(12, 4),
    i FLOAT,
    j DOUBLE,
    k DATE,
    l TIME,
    m DATETIME,
    n TIMESTAMP,
    o VARBINARY(16),
    p LONGBLOB,
    q CHAR(36),
    r JSON,
    s ENUM('novo', 'usado'),
    t CHAR(2)
);

-- case: createTable ifNotExists
CREATE TABLE IF NOT EXISTS logs (
    linha TEXT
);

-- case: createTable quoted names
CREATE TABLE `Order` (
    `user` VARCHAR(20),
    `first name` VARCHAR(20)
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
ALTER TABLE usuarios ADD COLUMN ativo BOOLEAN NOT NULL DEFAULT TRUE;

-- case: addColumn unique
ALTER TABLE usuarios ADD COLUMN cpf VARCHAR(11);

ALTER TABLE usuarios ADD UNIQUE (cpf);

-- case: addColumn references
ALTER TABLE etiquetas ADD COLUMN grupo_id INT;

ALTER TABLE etiquetas ADD FOREIGN KEY (grupo_id) REFERENCES grupos (id) ON DELETE SET NULL;

-- case: addColumn references set_null
ALTER TABLE etiquetas ADD COLUMN grupo_id INT;

ALTER TABLE etiquetas ADD FOREIGN KEY (grupo_id) REFERENCES grupos (id) ON DELETE SET NULL;

-- case: addColumn references unknown action
!error: unknown referential action 'bogus'; use CASCADE, SET NULL, SET DEFAULT, RESTRICT or NO ACTION

-- case: addColumn default holding ADD COLUMN
ALTER TABLE usuarios ADD COLUMN nota VARCHAR(50) DEFAULT 'x ADD COLUMN y';

-- case: addColumn with comment
ALTER TABLE usuarios ADD COLUMN bio TEXT COMMENT 'about me';

-- case: addColumn enum
ALTER TABLE usuarios ADD COLUMN papel ENUM('admin', 'membro');

-- case: addColumn ifNotExists
!error: addColumn 'usuarios.apelido': mysql has no IF [NOT] EXISTS here; remove ifNotExists or use execute with a guarded statement

-- case: dropColumn
ALTER TABLE etiquetas DROP COLUMN usuario_id;

-- case: dropColumn indexed
ALTER TABLE usuarios DROP COLUMN nome;

-- case: dropColumn ifExists
!error: dropColumn etiquetas.usuario_id: mysql has no IF [NOT] EXISTS here; remove ifExists or use execute with a guarded statement

-- case: alterColumn type with existing
ALTER TABLE usuarios MODIFY COLUMN idade BIGINT DEFAULT 0;

-- case: alterColumn type read from table
ALTER TABLE usuarios MODIFY COLUMN email VARCHAR(320);

-- case: alterColumn type using
ALTER TABLE etiquetas MODIFY COLUMN codigo INT NOT NULL;

-- case: alterColumn not null
ALTER TABLE usuarios MODIFY COLUMN email VARCHAR(255) NOT NULL;

-- case: alterColumn type unknown table
!error: alterColumn ausente.x: mysql changes a column with MODIFY COLUMN, which restates the whole column, and the column's current definition is not known here (offline there is no database to read it from). Add existingNullable: true|false to the alterColumn so the rest of the column is kept.

-- case: alterColumn set default
ALTER TABLE usuarios ALTER COLUMN idade SET DEFAULT 18;

-- case: alterColumn drop default
ALTER TABLE usuarios ALTER COLUMN idade DROP DEFAULT;

-- case: alterColumn newName
ALTER TABLE usuarios RENAME COLUMN idade TO anos;

-- case: alterColumn comment
ALTER TABLE usuarios MODIFY COLUMN email VARCHAR(255) COMMENT 'login';

-- case: renameColumn
ALTER TABLE usuarios RENAME COLUMN email TO correio;

-- case: createIndex
CREATE INDEX ix_usuarios_idade ON usuarios (idade, nome);

-- case: createIndex unique
CREATE UNIQUE INDEX ux_etiquetas_codigo ON etiquetas (codigo);

-- case: createIndex partial
!error: createIndex 'ix_usuarios_adultos': mysql has no partial indexes; remove 'where' or wrap it in onDialect

-- case: createIndex concurrently
CREATE INDEX ix_usuarios_email ON usuarios (email);

-- case: createIndex ifNotExists
!error: createIndex ix_usuarios_idade: mysql has no IF [NOT] EXISTS here; remove ifNotExists or use execute with a guarded statement

-- case: dropIndex
DROP INDEX ix_usuarios_nome ON usuarios;

-- case: dropIndex ifExists
!error: dropIndex ix_usuarios_nome: mysql has no IF [NOT] EXISTS here; remove ifExists or use execute with a guarded statement

-- case: dropIndex without table
!error: dropIndex ix_usuarios_nome: mysql names indexes per table, so dropIndex needs table: 'the_table'

-- case: createUniqueConstraint
ALTER TABLE etiquetas ADD CONSTRAINT uq_etiquetas_codigo UNIQUE (codigo);

-- case: createPrimaryKey
ALTER TABLE etiquetas ADD CONSTRAINT pk_etiquetas PRIMARY KEY (codigo);

-- case: createCheckConstraint
ALTER TABLE etiquetas ADD CONSTRAINT ck_etiquetas_codigo CHECK (codigo <> '');

-- case: createForeignKey
ALTER TABLE etiquetas ADD CONSTRAINT fk_etiquetas_usuario FOREIGN KEY (usuario_id) REFERENCES usuarios (id) ON DELETE CASCADE;

-- case: createForeignKey set null
ALTER TABLE etiquetas ADD CONSTRAINT fk_etiquetas_usuario FOREIGN KEY (usuario_id) REFERENCES usuarios (id) ON DELETE SET NULL ON UPDATE NO ACTION;

-- case: createForeignKey notValid
ALTER TABLE etiquetas ADD CONSTRAINT fk_etiquetas_usuario FOREIGN KEY (usuario_id) REFERENCES usuarios (id);

-- case: createCheckConstraint notValid
ALTER TABLE etiquetas ADD CONSTRAINT ck_etiquetas_codigo CHECK (codigo <> '');

-- case: validateConstraint
-- (nothing)

-- case: dropConstraint foreignKey
ALTER TABLE usuarios DROP FOREIGN KEY fk_usuarios_grupo;

-- case: dropConstraint unique
ALTER TABLE usuarios DROP INDEX uq_usuarios_email;

-- case: dropConstraint check
ALTER TABLE usuarios DROP CHECK ck_usuarios_idade;

-- case: dropConstraint without type
!error: dropConstraint ck_usuarios_idade: mysql drops each kind of constraint differently, so dropConstraint needs type: 'foreignKey', 'unique', 'check' or 'primary'

-- case: tableComment
ALTER TABLE usuarios COMMENT = 'people''s accounts';

-- case: tableComment drop
ALTER TABLE usuarios COMMENT = '';

-- case: insert
INSERT INTO etiquetas (codigo, usuario_id) VALUES ('O''Brien', 1);

INSERT INTO etiquetas (codigo, usuario_id) VALUES ('b', NULL);

-- case: execute
UPDATE usuarios SET idade = 0;

-- case: execute for one dialect
-- (nothing)

-- case: onDialect
-- (nothing)

