package dev.retort.spring.boot

import spock.lang.Specification

class LanguageVersionsSpec extends Specification {

    def "a Kotlin revision failing under an older Kotlin than Retort's names kotlin.version and the version to set"() {
        given:
        def versions = new LanguageVersions('4.0.27', '2.3.21', '4.0.29', '1.9.25')
        def failure = new RuntimeException('db/retort/001_k.kts: Module was compiled with an incompatible version of Kotlin. ' +
                'The binary version of its metadata is 2.3.0, expected version is 1.9.0.')

        expect:
        versions.explain(failure) == 'Retort was built with Kotlin 2.3.21, but this application runs Kotlin 1.9.25 (the version ' +
                'its Spring Boot dependency management chose); set the kotlin.version property to 2.3.21 (Maven: ' +
                '<properties><kotlin.version>2.3.21</kotlin.version></properties>; Gradle: extra["kotlin.version"] = "2.3.21").'
    }

    def "a linkage error under an older Groovy names groovy.version"() {
        given:
        def versions = new LanguageVersions('4.0.27', '2.3.21', '3.0.22', null)
        def failure = new IllegalStateException('cannot run', new NoSuchMethodError('org.codehaus.groovy.Something.x()'))

        expect:
        versions.explain(failure).startsWith('Retort was built with Groovy 4.0.27, but this application runs Groovy 3.0.22')
        versions.explain(failure).contains('set the groovy.version property to 4.0.27')
    }

    def "failures that are not version clashes, or clashes with the versions Retort was built with, get no note"() {
        expect:
        new LanguageVersions('4.0.27', '2.3.21', '4.0.29', '1.9.25').explain(new RuntimeException('relation "x" does not exist')) == null
        new LanguageVersions('4.0.27', '2.3.21', '5.0.6', '2.3.21').explain(new NoClassDefFoundError('x/Y')) == null
    }

    def "only an older major.minor counts as older"() {
        expect:
        LanguageVersions.older(a, b) == older

        where:
        a        | b        | older
        '1.9.25' | '2.3.21' | true
        '2.2.21' | '2.3.21' | true
        '2.3.0'  | '2.3.21' | false
        '5.0.6'  | '4.0.27' | false
        '4.0.29' | '4.0.27' | false
    }

    def "detect reads the versions this build used and the running Groovy"() {
        when:
        def versions = LanguageVersions.detect()

        then:
        versions.builtGroovy() ==~ /\d+\.\d+\.\d+.*/
        versions.builtKotlin() ==~ /\d+\.\d+\.\d+.*/
        versions.groovy() == GroovySystem.version
    }
}
