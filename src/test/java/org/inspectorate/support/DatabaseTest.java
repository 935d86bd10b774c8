package org.inspectorate.support;

import org.springframework.context.annotation.Import;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * An integration test on a real database: H2 in memory by default, PostgreSQL or MariaDB under the
 * Maven profiles of the same name (which run only tests tagged {@code db}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Import(TestClockConfiguration.class)
@SpringBootTest
@AutoConfigureMockMvc
@Tag("db")
public @interface DatabaseTest {
}
