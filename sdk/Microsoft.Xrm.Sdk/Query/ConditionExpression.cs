using System;
using System.Collections;

namespace Microsoft.Xrm.Sdk.Query
{
    /// <summary>A condition on an attribute: operator and values; EntityName names a linked table's alias.</summary>
    public sealed class ConditionExpression
    {
        private string _entityName;
        private string _attributeName;
        private ConditionOperator _conditionOperator;
        private DataCollection<object> _values;

        public ConditionExpression()
        {
        }

        public ConditionExpression(string attributeName, ConditionOperator conditionOperator, params object[] values)
            : this(null, attributeName, conditionOperator, values)
        {
        }

        /// <summary>The values are copied; a null array leaves Values empty.</summary>
        public ConditionExpression(string entityName, string attributeName, ConditionOperator conditionOperator, params object[] values)
        {
            _entityName = entityName;
            _attributeName = attributeName;
            _conditionOperator = conditionOperator;
            if (values != null)
            {
                _values = new DataCollection<object>(values);
            }
        }

        /// <summary>A single value (which may be null).</summary>
        public ConditionExpression(string attributeName, ConditionOperator conditionOperator, object value)
            : this(attributeName, conditionOperator, new[] { value })
        {
        }

        /// <summary>A single value (which may be null).</summary>
        public ConditionExpression(string entityName, string attributeName, ConditionOperator conditionOperator, object value)
            : this(entityName, attributeName, conditionOperator, new[] { value })
        {
        }

        /// <summary>No value (for operators such as Null, NotNull, Today, EqualUserId).</summary>
        public ConditionExpression(string attributeName, ConditionOperator conditionOperator)
            : this(null, attributeName, conditionOperator, Array.Empty<object>())
        {
        }

        /// <summary>No value (for operators such as Null, NotNull, Today, EqualUserId).</summary>
        public ConditionExpression(string entityName, string attributeName, ConditionOperator conditionOperator)
            : this(entityName, attributeName, conditionOperator, Array.Empty<object>())
        {
        }

        /// <summary>Each element of the collection becomes one value (a null collection leaves Values empty).</summary>
        public ConditionExpression(string attributeName, ConditionOperator conditionOperator, ICollection values)
        {
            _attributeName = attributeName;
            _conditionOperator = conditionOperator;
            if (values != null)
            {
                _values = new DataCollection<object>();
                foreach (var value in values)
                {
                    _values.Add(value);
                }
            }
        }

        public string EntityName
        {
            get { return _entityName; }
            set { _entityName = value; }
        }

        public string AttributeName
        {
            get { return _attributeName; }
            set { _attributeName = value; }
        }

        public ConditionOperator Operator
        {
            get { return _conditionOperator; }
            set { _conditionOperator = value; }
        }

        /// <summary>The values; created empty on first access.</summary>
        public DataCollection<object> Values
        {
            get { return _values ?? (_values = new DataCollection<object>()); }
        }
    }
}
