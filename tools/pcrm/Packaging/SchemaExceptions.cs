using System.Collections.Generic;

namespace PropertyCrm.Cli.Packaging;

/// <summary>How an allowed element deviates from the 9.0.0.2090 schema.</summary>
internal enum SchemaDeviation
{
    /// <summary>The element is newer than the schema; it is taken out of the validation copy, everything around it is still validated.</summary>
    NewerElement,

    /// <summary>The attribute is newer than the schema; it is taken out of the validation copy.</summary>
    NewerAttribute,

    /// <summary>The platform writes the element at another position than the schema's sequence; the validation copy moves it to the schema position.</summary>
    ExportOrder,
}

/// <summary>One allowed deviation: element <see cref="Child"/> (or attribute) directly inside <see cref="Parent"/>.</summary>
/// <param name="MoveAfter">For <see cref="SchemaDeviation.ExportOrder"/>: the sibling the schema wants it after.</param>
internal sealed record SchemaException(string Parent, string Child, SchemaDeviation Kind, string Reason, string? MoveAfter = null);

/// <summary>
/// The only places where the merged customizations.xml may differ from Microsoft's 9.0.0.2090 schema
/// (which predates elements modern exports carry, see dataverse-schemas/9.0.0.2090/README.md). Every entry
/// says why it is needed. Validation is never skipped: an entry only removes or moves that one item in
/// the in-memory validation copy, and the summary counts how often each entry was applied. Anything not
/// listed here must be emitted the way the schema accepts it.
/// </summary>
internal static class SchemaExceptions
{
    public static IReadOnlyList<SchemaException> All { get; } = new[]
    {
        new SchemaException(
            "SdkMessageProcessingStep", "SdkMessageId", SchemaDeviation.ExportOrder,
            "The platform's serializer writes <SdkMessageId> as the first child of a step; the schema's sequence wants it after <Rank>. "
            + "pcrm generate copies the export order (README: seen in every real export, all four validated files).",
            MoveAfter: "Rank"),
        new SchemaException(
            "SdkMessageProcessingStep", "SdkMessageName", SchemaDeviation.NewerElement,
            "A step on a Custom API message names the message instead of its id, because a custom message's id differs per "
            + "environment (ROMTS export, SOLUTION-LAYOUT §6). The 9.0 schema predates Custom APIs."),
    };
}
