package dev.mynasim.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The module boundaries of DESIGN.md section 3 and the layering of STYLE.md, checked on every build:
 * registry <- auth <- adapters <- web, another module reached only through its {@code api} package, and domain
 * code free of JAX-RS, Faces and Servlet.
 */
@AnalyzeClasses(packages = "dev.mynasim", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule registryKnowsNoOtherModule = noClasses()
            .that().resideInAPackage("dev.mynasim.registry..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.mynasim.auth..", "dev.mynasim.adapters..",
                    "dev.mynasim.web..");

    @ArchTest
    static final ArchRule authUsesOnlyTheRegistryApi = noClasses()
            .that().resideInAPackage("dev.mynasim.auth..")
            .should().dependOnClassesThat(
                    com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage(
                            "dev.mynasim.adapters..", "dev.mynasim.web..")
                            .or(insideModuleButNotApi("registry")));

    @ArchTest
    static final ArchRule adaptersUseOnlyTheApisBelow = noClasses()
            .that().resideInAPackage("dev.mynasim.adapters..")
            .should().dependOnClassesThat(
                    com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage("dev.mynasim.web..")
                            .or(insideModuleButNotApi("registry"))
                            .or(insideModuleButNotApi("auth")));

    @ArchTest
    static final ArchRule webUsesOnlyTheModulesApis = noClasses()
            .that().resideInAPackage("dev.mynasim.web..")
            .should().dependOnClassesThat(insideModuleButNotApi("registry")
                    .or(insideModuleButNotApi("auth"))
                    .or(insideModuleButNotApi("adapters")));

    @ArchTest
    static final ArchRule domainCodeImportsNoWebFramework = noClasses()
            .that().resideInAnyPackage("dev.mynasim.registry..", "dev.mynasim.auth..", "dev.mynasim.adapters..")
            .and().resideOutsideOfPackage("..rest..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "jakarta.faces..", "jakarta.servlet..");

    @ArchTest
    static final ArchRule restClassesStayInRestPackages = noClasses()
            .that().resideOutsideOfPackages("..rest..", "dev.mynasim.web..")
            .should().beAnnotatedWith("jakarta.ws.rs.Path");

    /**
     * A feature package with its subpackages ({@code auth.flow}, {@code auth.oauth} with {@code oauth.rest}, …) is a
     * slice, and slices depend on each other in one direction only.
     */
    @ArchTest
    static final ArchRule featurePackagesAreFreeOfCycles = slices().matching("dev.mynasim.(*).(*)..")
            .namingSlices("$1.$2").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule noManagerHelperUtilOrImplNames = noClasses()
            .should().haveSimpleNameEndingWith("Manager")
            .orShould().haveSimpleNameEndingWith("Helper")
            .orShould().haveSimpleNameEndingWith("Util")
            .orShould().haveSimpleNameEndingWith("Utils")
            .orShould().haveSimpleNameEndingWith("Impl");

    private static com.tngtech.archunit.base.DescribedPredicate<com.tngtech.archunit.core.domain.JavaClass>
            insideModuleButNotApi(String module) {
        String root = "dev.mynasim." + module;
        return com.tngtech.archunit.base.DescribedPredicate.describe(
                "classes of module " + module + " outside its api package",
                c -> (c.getPackageName().equals(root) || c.getPackageName().startsWith(root + "."))
                        && !(c.getPackageName().equals(root + ".api") || c.getPackageName().startsWith(root + ".api.")));
    }
}
