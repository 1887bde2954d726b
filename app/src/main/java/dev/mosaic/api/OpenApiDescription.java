package dev.mosaic.api;

import dev.mosaic.platform.http.ApiError;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of {@code /api/v1}: the bearer token every call takes, and the one error shape every call
 * may answer with, with an example, on each operation.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiDescription {

    private static final Map<String, String> ERRORS = Map.of(
            "400", "Bad input, named in the message and details",
            "401", "No valid API token",
            "403", "The token's user may not do that (an admin-only action)",
            "404", "Nothing with that id in this workspace",
            "409", "A conflict with what is there, said in words");

    @Bean
    OpenAPI mosaicOpenApi() {
        Schema<?> error = ModelConverters.getInstance().resolveAsResolvedSchema(
                new AnnotatedType(ApiError.class)).schema;
        return new OpenAPI()
                .info(new Info().title("Mosaic API").version("v1").description("The customer graph: ingest, imports, "
                        + "organizations, contacts, deals and their timelines, merges, the review queue, Salesforce "
                        + "connections. Lists answer {\"items\":[…],\"total\":N} and take limit and offset. Errors "
                        + "always answer {\"error\":{\"code\",\"message\",\"details\"}}."))
                .components(new Components().addSchemas("ApiError", error).addSecuritySchemes("token",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("An API token from Settings → Users, as Authorization: Bearer <token>")))
                .addSecurityItem(new SecurityRequirement().addList("token"));
    }

    /** Every operation documents the error shape for the failures any call can meet. */
    @Bean
    OpenApiCustomizer mosaicErrorResponses() {
        return openApi -> openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation ->
                ERRORS.forEach((status, description) -> operation.getResponses().putIfAbsent(status, new ApiResponse()
                        .description(description).content(new Content().addMediaType("application/json",
                                new MediaType().schema(new Schema<>().$ref("#/components/schemas/ApiError"))
                                        .example(Map.of("error", Map.of("code", "not_found", "message",
                                                "There is no entity 0192…", "details", Map.of())))))))));
    }
}
