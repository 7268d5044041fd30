package dev.retort.maven;

import org.codehaus.plexus.classworlds.realm.ClassRealm;
import org.codehaus.plexus.component.configurator.BasicComponentConfigurator;
import org.codehaus.plexus.component.configurator.ComponentConfigurationException;
import org.codehaus.plexus.component.configurator.ConfigurationListener;
import org.codehaus.plexus.component.configurator.expression.ExpressionEvaluator;
import org.codehaus.plexus.configuration.PlexusConfiguration;

/**
 * Maven's basic configurator, except that the password never reaches the listener Maven logs through: under -X, Maven
 * prints every parameter of a goal with its value, so {@code -Dretort.password} would otherwise land in build logs.
 * Registered in META-INF/plexus/components.xml under the hint {@value #HINT}, which every goal names.
 */
public final class SecretMaskingConfigurator extends BasicComponentConfigurator {
    static final String HINT = "retort";
    static final String MASK = "********";

    @Override
    public void configureComponent(Object component, PlexusConfiguration configuration, ExpressionEvaluator evaluator,
                                   ClassRealm realm, ConfigurationListener listener) throws ComponentConfigurationException {
        super.configureComponent(component, configuration, evaluator, realm, listener == null ? null : new Masking(listener));
    }

    /** Passes every notice on (Maven also counts required parameters through it), with the password's value masked. */
    private static final class Masking implements ConfigurationListener {
        private final ConfigurationListener delegate;

        Masking(ConfigurationListener delegate) { this.delegate = delegate; }

        @Override public void notifyFieldChangeUsingSetter(String fieldName, Object value, Object target) {
            delegate.notifyFieldChangeUsingSetter(fieldName, masked(fieldName, value), target);
        }

        @Override public void notifyFieldChangeUsingReflection(String fieldName, Object value, Object target) {
            delegate.notifyFieldChangeUsingReflection(fieldName, masked(fieldName, value), target);
        }

        private static Object masked(String fieldName, Object value) {
            return "password".equals(fieldName) && value != null ? MASK : value;
        }
    }
}
