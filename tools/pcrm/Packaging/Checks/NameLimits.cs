namespace PropertyCrm.Cli.Packaging.Checks;

/// <summary>Dataverse name-length limits, each with where it is documented.</summary>
internal static class NameLimits
{
    /// <summary>
    /// Custom table and column schema/logical names, prefix included: "The schema name and logical name for
    /// custom entities, attributes, relationships and for many-to-many relationship intersect tables have a
    /// maximum total length of 50" — Microsoft Dynamics CRM SDK, "Names Used in the Metadata Web Service"
    /// (docs.microsoft.com previous-versions/dynamics-crm4/developers-guide/cc151044). No later Microsoft page
    /// relaxes it for tables and columns; the maker portal enforces the same.
    /// </summary>
    public const int TableName = 50;

    /// <inheritdoc cref="TableName"/>
    public const int ColumnName = 50;

    /// <summary>
    /// Relationship schema names: entityrelationship.schemaname MaxLength 100 (powerapps-docs
    /// developer/data-platform/reference/entities/entityrelationship.md). The older SDK page above says 50 for
    /// custom relationships; the platform column allows 100, so only a name over 100 is an error and over 50 a warning.
    /// </summary>
    public const int RelationshipName = 100;

    /// <summary>Length above which a relationship name only draws a warning (the older SDK limit, see <see cref="RelationshipName"/>).</summary>
    public const int RelationshipNameConservative = 50;

    /// <summary>environmentvariabledefinition.schemaname MaxLength 100 (powerapps-docs reference/entities/environmentvariabledefinition.md).</summary>
    public const int EnvironmentVariableName = 100;

    /// <summary>customapi.uniquename MaxLength 128 (powerapps-docs reference/entities/customapi.md).</summary>
    public const int CustomApiName = 128;
}
