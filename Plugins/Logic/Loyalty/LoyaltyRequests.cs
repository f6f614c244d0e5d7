using System;
using Microsoft.Xrm.Sdk;

namespace PropertyCrm.Plugins.Logic.Loyalty;

/// <summary>An activity award: the owner, the earn rule's option value (pcrm_earnrule) and the source record's id.</summary>
public sealed record ActivityAward(Guid ContactId, int RuleOptionValue, string? SourceId);

/// <summary>A reward redemption: the owner, the reward and how many (blank = 1).</summary>
public sealed record RewardRedemption(EntityReference Owner, EntityReference Reward, int? Quantity);

/// <summary>A staff reversal of one earn or expiry entry, with the reason recorded on the reversal.</summary>
public sealed record EntryReversal(EntityReference? Entry, string? Reason);
