package de.rundbrief.application;

import de.rundbrief.domain.attribute.AttributeDefinition;
import de.rundbrief.domain.attribute.AttributeType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * What a tenant administrator enters for a field. Key and type are fixed once the field exists.
 *
 * @param choices the choices of a {@link AttributeType#CHOICE} field; ignored for other types
 */
public record AttributeData(
    @NotBlank(message = "{rundbrief.field.key.invalid}")
        @Pattern(
            regexp = AttributeDefinition.KEY_PATTERN,
            message = "{rundbrief.field.key.invalid}")
        String key,
    @NotBlank(message = "{rundbrief.field.label.required}")
        @Size(max = AttributeDefinition.LABEL_MAX_LENGTH, message = "{rundbrief.name.too-long}")
        String label,
    @NotNull(message = "{rundbrief.field.type.required}") AttributeType type,
    @Size(max = 100) List<@NotBlank @Size(max = 200) String> choices,
    boolean required) {}
