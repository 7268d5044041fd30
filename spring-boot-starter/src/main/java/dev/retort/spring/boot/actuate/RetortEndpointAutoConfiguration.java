package dev.retort.spring.boot.actuate;

import dev.retort.api.Retort;
import dev.retort.spring.boot.RetortAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** With Actuator on the classpath and the endpoint exposed, {@code /actuator/retort} (like {@code /actuator/flyway}). */
@AutoConfiguration(after = RetortAutoConfiguration.class)
@ConditionalOnClass(Endpoint.class)
@ConditionalOnBean(Retort.class)
@ConditionalOnAvailableEndpoint(RetortEndpoint.class)
public class RetortEndpointAutoConfiguration {
    @Bean
    @ConditionalOnMissingBean
    public RetortEndpoint retortEndpoint(Retort retort) { return new RetortEndpoint(retort); }
}
