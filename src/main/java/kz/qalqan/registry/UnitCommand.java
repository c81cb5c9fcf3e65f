package kz.qalqan.registry;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * What is needed to create or change a unit. The region and district follow from {@code parentId}
 * when it is given; otherwise {@code regionCode} (and optionally {@code districtId}) place the unit.
 */
public record UnitCommand(
        @NotBlank(message = "is required") @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,39}",
                message = "must be 1-40 letters, digits, '.', '_' or '-'") String code,
        @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters") String name,
        @NotNull(message = "is required") UnitType type,
        String regionCode,
        Integer districtId,
        Long parentId,
        @DecimalMin(value = "-90", message = "must be between -90 and 90") @DecimalMax(value = "90", message = "must be between -90 and 90") Double lat,
        @DecimalMin(value = "-180", message = "must be between -180 and 180") @DecimalMax(value = "180", message = "must be between -180 and 180") Double lon,
        @Valid List<PositionCommand> positions) {

    /** The most positions one unit command may carry, and required qualifications per position. */
    public static final int MAX_POSITIONS = 500;
    public static final int MAX_QUALIFICATIONS = 50;

    public record PositionCommand(
            @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters") String title,
            List<@Pattern(regexp = "[a-z0-9_]{1,40}", message = "must be a qualification code (a-z, 0-9, _)") String> requiredQualifications,
            @Pattern(regexp = "FIT|FIT_LIMITED", message = "must be FIT or FIT_LIMITED") String medicalStandard) {
    }
}
