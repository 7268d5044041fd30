package dev.retort.internal.command

import dev.retort.internal.config.ConfigLoader
import java.nio.file.Files
import java.nio.file.Path
import java.time.ZoneOffset
import java.time.ZonedDateTime
import spock.lang.Specification
import spock.lang.TempDir

class FileNameTemplateSpec extends Specification {
    // 2024-06-28 14:12:05 UTC, a Friday; epoch 1719583925.
    static final ZonedDateTime CLOCK = ZonedDateTime.of(2024, 6, 28, 14, 12, 5, 0, ZoneOffset.UTC)

    @TempDir Path dir

    def "file_template renders Alembic's tokens: #template"() {
        expect:
        FileNameTemplate.render(template, '3f2a1c9d0b7e', 'Add email to usuarios', CLOCK, 40) == name

        where:
        template                                                                              || name
        '%(rev)s_%(slug)s'                                                                    || '3f2a1c9d0b7e_add_email_to_usuarios'
        '%(year)d_%(month).2d_%(day).2d_%(hour).2d%(minute).2d-%(rev)s_%(slug)s'              || '2024_06_28_1412-3f2a1c9d0b7e_add_email_to_usuarios'
        '%(year)d%(month)02d%(day)02d%(hour)02d%(minute)02d%(second)02d_%(rev)s'              || '20240628141205_3f2a1c9d0b7e'
        '%(epoch)s_%(rev)s'                                                                   || '1719583925_3f2a1c9d0b7e'
        '%(month)d-%(day)d-%(second).3d'                                                      || '6-28-005'
    }

    def "the slug is cut at a word boundary past truncate_slug_length, like Alembic"() {
        expect:
        FileNameTemplate.slug(message, length) == slug

        where:
        message                                       | length || slug
        'add email to usuarios'                       | 40     || 'add_email_to_usuarios'
        'add email to usuarios'                       | 12     || 'add_email_'
        'add email to usuarios'                       | 9      || 'add_'
        'add email to usuarios'                       | 8      || 'add_'
        'Índice único; em "produtos"!'                | 40     || 'índice_único_em_produtos'
        'averyveryverylongword'                       | 5      || 'avery_'
        ''                                            | 40     || ''
    }

    def "a new revision's file name comes from the project's file_template at its timezone"() {
        given:
        Files.createDirectories(dir.resolve('versions'))
        Files.writeString(dir.resolve('retort.ini'), """
            [retort]
            file_template = %%(year)d_%%(month).2d_%%(day).2d_%%(hour).2d%%(minute).2d-%%(rev)s_%%(slug)s
            timezone = $zone
            truncate_slug_length = 12
            """.stripIndent())
        def config = ConfigLoader.load(dir.resolve('retort.ini'), null, [:], [:], [:])

        when:
        Path file = NewRevision.create(Project.open(config), new NewRevision.Request('add email to usuarios', null, [], [], [],
                'ab12cd34ef56', null, null, null), CLOCK)

        then:
        file.fileName.toString() == name
        Files.readString(file).contains("revision 'ab12cd34ef56'")

        where:
        zone                || name
        'UTC'               || '2024_06_28_1412-ab12cd34ef56_add_email_.groovy'
        'America/Sao_Paulo' || '2024_06_28_1112-ab12cd34ef56_add_email_.groovy'
        'Asia/Tokyo'        || '2024_06_28_2312-ab12cd34ef56_add_email_.groovy'
        'Pacific/Kiritimati'|| '2024_06_29_0412-ab12cd34ef56_add_email_.groovy'
    }
}
