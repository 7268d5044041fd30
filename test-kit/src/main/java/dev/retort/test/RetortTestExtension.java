package dev.retort.test;

import dev.retort.api.TestReport;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 side of {@link RetortTest}: gives test methods the {@link RetortChecks} the annotation describes, or the
 * {@link TestReport} of running them, run once per test class and shared by its methods.
 */
public final class RetortTestExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RetortTestExtension.class);

    @Override public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == RetortChecks.class || type == TestReport.class;
    }

    @Override public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        RetortChecks checks = checks(context);
        if (parameter.getParameter().getType() == RetortChecks.class) return checks;
        // The class's store, so every method of the class shares one run.
        ExtensionContext classContext = context;
        while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) classContext = classContext.getParent().get();
        return classContext.getStore(NAMESPACE).getOrComputeIfAbsent(TestReport.class, k -> checks.run(), TestReport.class);
    }

    private static RetortChecks checks(ExtensionContext context) {
        RetortTest settings = context.getTestClass()
                .flatMap(type -> AnnotationSupport.findAnnotation(type, RetortTest.class))
                .orElseThrow(() -> new ParameterResolutionException("a RetortChecks or TestReport parameter needs @RetortTest on the test class"));
        RetortChecks checks = RetortChecks.forProject(Path.of(settings.config()));
        if (!settings.section().isEmpty()) checks = checks.section(settings.section());
        if (settings.only().length > 0) checks = checks.only(settings.only());
        if (settings.scratch()) checks = checks.scratch();
        return checks;
    }
}
