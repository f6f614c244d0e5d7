namespace PropertyCrm.Schema.Tables;

/// <summary>
/// Owner tag (业主标签): <c>pcrm_tag</c>, organization-owned. Rule tags carry a <see cref="Columns.RuleCode"/> and are set
/// and removed by the care planner; hand tags (no rule code) only by staff. Linked to owners through the native N:N
/// relationship <see cref="ManyToMany.Contacts"/>.
/// </summary>
public static class TagTable
{
    public const string LogicalName = "pcrm_tag";

    public const string EntitySetName = "pcrm_tags";

    public const string PrimaryId = "pcrm_tagid";

    public const string PrimaryName = "pcrm_name";

    public static class Columns
    {
        /// <summary>Tag Name (标签名称). Text (200). Required. The Chinese name.</summary>
        public const string Name = "pcrm_name";

        /// <summary>English Name (英文名称). Text (200).</summary>
        public const string EnglishName = "pcrm_englishname";

        /// <summary>Tag Class (标签类别). Local choice <see cref="OptionSets.TagClass"/>. Required.</summary>
        public const string TagClass = "pcrm_tagclass";

        /// <summary>Rule Code (规则代码). Text (100). A rule tag's code (<c>OwnerTagRule</c>); blank for a hand tag.</summary>
        public const string RuleCode = "pcrm_rulecode";

        public const string StateCode = "statecode";

        public const string StatusCode = "statuscode";
    }

    public static class MaxLengths
    {
        public const int Name = 200;

        public const int EnglishName = 200;

        public const int RuleCode = 100;
    }

    /// <summary>
    /// The native N:N relationship owners ↔ tags and its intersect table, one row per owner and tag (Dataverse names the
    /// intersect columns after the two primary keys). Deleting an owner or a tag removes only the links.
    /// </summary>
    public static class ManyToMany
    {
        /// <summary>Schema name of the relationship (Associate / Disassociate).</summary>
        public const string Contacts = "pcrm_contact_pcrm_tag";

        /// <summary>The intersect table (queryable, not writable: links are made with Associate).</summary>
        public const string IntersectTable = "pcrm_contact_pcrm_tag";

        public const string ContactId = "contactid";

        public const string TagId = "pcrm_tagid";
    }
}
