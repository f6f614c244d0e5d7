namespace PropertyCrm.Schema.Tables;

/// <summary>
/// Suggestion (业主建议): <c>pcrm_suggestion</c>. Received → answered → adopted / declined, with the answer; due for an
/// answer in 5 working days; adoption awards the SuggestionAdopted points once.
/// </summary>
public static class SuggestionTable
{
    public const string LogicalName = "pcrm_suggestion";

    public const string EntitySetName = "pcrm_suggestions";

    public const string PrimaryId = "pcrm_suggestionid";

    public const string PrimaryName = "pcrm_name";

    public static class Columns
    {
        /// <summary>Title (标题). Text (200). Required.</summary>
        public const string Name = "pcrm_name";

        /// <summary>Owner (业主). Lookup contact. Required; deleted with the owner (PIPL erasure).</summary>
        public const string Contact = "pcrm_contactid";

        /// <summary>Property (所属项目). Lookup pcrm_property: answer and adoption rates are per property.</summary>
        public const string Property = "pcrm_propertyid";

        /// <summary>Content (建议内容). Multiline text (2000). Required.</summary>
        public const string Content = "pcrm_content";

        /// <summary>Suggestion Status (处理状态). Local choice <see cref="OptionSets.SuggestionStatus"/>. Required.</summary>
        public const string Status = "pcrm_suggestionstatus";

        /// <summary>Answer (答复). Multiline text (2000): required to answer, adopt or decline.</summary>
        public const string Answer = "pcrm_answer";

        /// <summary>Answer Due (答复期限). Date and time: 5 working days (cn-workdays) after creation; stamped by the system.</summary>
        public const string AnswerDue = "pcrm_answerdue";

        /// <summary>Answered On (答复时间). Date and time: the first answer; stamped by the system.</summary>
        public const string AnsweredOn = "pcrm_answeredon";

        /// <summary>Decided On (决定时间). Date and time: adopted or declined; stamped by the system.</summary>
        public const string DecidedOn = "pcrm_decidedon";

        public const string OwnerId = "ownerid";

        public const string StateCode = "statecode";

        public const string StatusCode = "statuscode";

        public const string CreatedOn = "createdon";
    }

    /// <summary>Schema names of the N:1 relationships whose lookup lives on this table.</summary>
    public static class Relationships
    {
        /// <summary>Contact lookup; parental: deleted with the owner (PIPL erasure).</summary>
        public const string Contact = "pcrm_suggestion_contact";

        /// <summary>Property lookup; deleting the property removes the link.</summary>
        public const string Property = "pcrm_suggestion_property";
    }
}
