package de.rundbrief.application;

import de.rundbrief.domain.segment.Segment;
import de.rundbrief.domain.segment.SegmentDefinition;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What staff enter for a segment: a name and the rules built on screen or sent by a client. */
public record SegmentData(
    @NotBlank(message = "{rundbrief.segment.name.required}")
        @Size(max = Segment.NAME_MAX_LENGTH, message = "{rundbrief.name.too-long}")
        String name,
    @NotNull(message = "{rundbrief.segment.rules.required}") SegmentDefinition definition) {}
