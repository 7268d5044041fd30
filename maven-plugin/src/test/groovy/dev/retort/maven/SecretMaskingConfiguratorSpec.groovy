package dev.retort.maven

import org.codehaus.plexus.classworlds.ClassWorld
import org.codehaus.plexus.classworlds.realm.ClassRealm
import org.codehaus.plexus.component.configurator.ConfigurationListener
import org.codehaus.plexus.component.configurator.expression.ExpressionEvaluator
import org.codehaus.plexus.configuration.DefaultPlexusConfiguration
import spock.lang.Specification

/** What Maven's -X listing of a goal's parameters receives: every value but the password's. */
class SecretMaskingConfiguratorSpec extends Specification {

    def "the goal gets the password; the listener Maven logs through sees only asterisks"() {
        given: 'the configuration Maven hands over for -Dretort.password=s3cret-value'
        def configuration = new DefaultPlexusConfiguration('configuration')
        configuration.addChild('password', '${retort.password}')
        configuration.addChild('user', 'sa')
        ExpressionEvaluator evaluator = Stub {
            evaluate(_) >> { String e -> e == '${retort.password}' ? 's3cret-value' : e }
            evaluate(_, _) >> { String e, Class t -> e == '${retort.password}' ? 's3cret-value' : e }
            alignToBaseDirectory(_) >> { File f -> f }
        }
        List<String> seen = []
        ConfigurationListener listener = Stub {
            notifyFieldChangeUsingReflection(_, _, _) >> { String field, Object value, Object target -> seen << "$field = $value".toString() }
            notifyFieldChangeUsingSetter(_, _, _) >> { String field, Object value, Object target -> seen << "$field = $value".toString() }
        }
        def realm = new ClassRealm(new ClassWorld(), 'spec', getClass().classLoader)
        def goal = new CurrentMojo()

        when:
        new SecretMaskingConfigurator().configureComponent(goal, configuration, evaluator, realm, listener)

        then:
        goal.password == 's3cret-value'
        goal.user == 'sa'
        seen.containsAll(['password = ********', 'user = sa'])
        !seen.any { it.contains('s3cret-value') }
    }
}
