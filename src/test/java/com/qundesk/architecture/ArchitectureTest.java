package com.qundesk.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Set;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The house's rules, checked on the app's own classes (docs/architecture.md draws them). Dependencies point down
 * this list and never up:
 * <pre>
 * app            Launcher, QunDeskApp, the UI composition                 imported by nobody
 * shell, cli     the main window, navigation, Today, Settings; the commands
 * workspace      AppContext: opens one workspace and wires its services    (for app, shell and cli only)
 * feature UIs    com.qundesk.&lt;feature&gt;.ui: controllers and presentation models, handed what they use
 * features       records, services, repositories                           → core, db, io
 * ui             the JavaFX ground: view loading, background tasks, shared controls
 * db, io         the database, files
 * core, i18n     shared error, message and path types
 * </pre>
 * The benchmark lives in its own source root (src/bench/java) and is no part of the app.
 */
@AnalyzeClasses(packages = "com.qundesk", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] FEATURE_UIS = {"com.qundesk.*.ui.."};
    private static final Set<String> NOT_FEATURES = Set.of("app", "shell", "cli", "workspace", "ui", "db", "io",
            "core", "i18n", "bench");

    /** A package of a feature (its records, services, repositories), not its UI. */
    private static final DescribedPredicate<JavaClass> FEATURE = new DescribedPredicate<>("a feature") {
        @Override
        public boolean test(JavaClass c) {
            String pkg = c.getPackageName();
            if (!pkg.startsWith("com.qundesk.")) {
                return false;
            }
            String[] parts = pkg.substring("com.qundesk.".length()).split("\\.");
            return !NOT_FEATURES.contains(parts[0]) && !java.util.Arrays.asList(parts).contains("ui");
        }
    };

    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("App").definedBy("com.qundesk.app..")
            .layer("Shell").definedBy("com.qundesk.shell..")
            .layer("Cli").definedBy("com.qundesk.cli..")
            .layer("Workspace").definedBy("com.qundesk.workspace..")
            .layer("Feature UIs").definedBy(FEATURE_UIS)
            .layer("Features").definedBy(FEATURE)
            .layer("UI ground").definedBy("com.qundesk.ui..")
            .layer("Data and files").definedBy("com.qundesk.db..", "com.qundesk.io..")
            .layer("Core").definedBy("com.qundesk.core..", "com.qundesk.i18n..")
            .whereLayer("App").mayNotBeAccessedByAnyLayer()
            .whereLayer("Shell").mayOnlyBeAccessedByLayers("App")
            .whereLayer("Cli").mayOnlyBeAccessedByLayers("App")
            .whereLayer("Workspace").mayOnlyBeAccessedByLayers("App", "Shell", "Cli")
            .whereLayer("Feature UIs").mayOnlyBeAccessedByLayers("App", "Shell", "Feature UIs")
            .whereLayer("Features").mayOnlyBeAccessedByLayers("App", "Shell", "Cli", "Workspace", "Feature UIs",
                    "Features")
            .whereLayer("UI ground").mayOnlyBeAccessedByLayers("App", "Shell", "Feature UIs")
            .whereLayer("Data and files").mayOnlyBeAccessedByLayers("App", "Shell", "Cli", "Workspace",
                    "Feature UIs", "Features", "UI ground")
            .because("dependencies point down the layers and never up (docs/architecture.md)");

    @ArchTest
    static final ArchRule noCyclesBetweenPackages = slices().matching("com.qundesk.(**)")
            .should().beFreeOfCycles()
            .because("a package that needs another is not needed by it");

    @ArchTest
    static final ArchRule noJavaFxBelowTheUi = noClasses()
            .that().resideOutsideOfPackages("com.qundesk.app..", "com.qundesk.shell..", "com.qundesk.ui..")
            .and(DescribedPredicate.not(resideInAnyPackage(FEATURE_UIS)))
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("services, repositories and the CLI run without a display");

    /** The class itself or the top-level class it is nested in. */
    private static JavaClass topLevel(JavaClass c) {
        JavaClass t = c;
        while (t.getEnclosingClass().isPresent()) {
            t = t.getEnclosingClass().get();
        }
        return t;
    }

    private static final DescribedPredicate<JavaClass> A_REPOSITORY_OR_THE_DATABASE =
            new DescribedPredicate<>("a repository or the database layer") {
                @Override
                public boolean test(JavaClass c) {
                    return topLevel(c).getSimpleName().endsWith("Repository")
                            || c.getPackageName().startsWith("com.qundesk.db");
                }
            };

    @ArchTest
    static final ArchRule sqlOnlyInRepositories = noClasses()
            .that(DescribedPredicate.not(A_REPOSITORY_OR_THE_DATABASE))
            .should().dependOnClassesThat().belongToAnyOf(Statement.class, PreparedStatement.class,
                    CallableStatement.class, ResultSet.class)
            .because("SQL is written in repositories (or the db layer), never in services, views or enums");

    @ArchTest
    static final ArchRule nothingRefersToTheBench = noClasses()
            .that().resideOutsideOfPackage("com.qundesk.bench..")
            .should().dependOnClassesThat().resideInAPackage("com.qundesk.bench..")
            .because("the benchmark depends on the app, never the other way");
}
