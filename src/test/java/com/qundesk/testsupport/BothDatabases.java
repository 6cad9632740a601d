package com.qundesk.testsupport;

import com.qundesk.db.Dialect;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs every test of a class twice: on a workspace file and on a team workspace on the tests' own PostgreSQL server.
 * The class takes the database as {@code @Parameter Dialect dialect} and opens its workspace with
 * {@link TestWorkspace#on}; the workspaces a test opened are closed after it (a team workspace holds server
 * connections, and the server admits only so many).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedClass(name = "{0}")
@EnumSource(Dialect.class)
@ExtendWith(BothDatabases.CloseWorkspaces.class)
public @interface BothDatabases {

    /** Closes what {@link TestWorkspace} opened during the test. */
    final class CloseWorkspaces implements AfterEachCallback {
        @Override
        public void afterEach(ExtensionContext context) {
            TestWorkspace.closeAllOpened();
        }
    }
}
