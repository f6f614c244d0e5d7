using System.Globalization;

namespace Microsoft.Xrm.Sdk
{
    /// <summary>A relationship by schema name; PrimaryEntityRole is set for self-referential relationships.</summary>
    public sealed class Relationship
    {
        private string _schemaName;
        private EntityRole? _primaryEntityRole;

        public Relationship()
        {
        }

        public Relationship(string schemaName)
        {
            _schemaName = schemaName;
        }

        public string SchemaName
        {
            get { return _schemaName; }
            set { _schemaName = value; }
        }

        public EntityRole? PrimaryEntityRole
        {
            get { return _primaryEntityRole; }
            set { _primaryEntityRole = value; }
        }

        /// <summary>Equal when SchemaName (ordinal) and PrimaryEntityRole are equal.</summary>
        public override bool Equals(object obj)
        {
            var other = obj as Relationship;
            if (other == null)
            {
                return false;
            }

            return SchemaName == other.SchemaName && _primaryEntityRole == other._primaryEntityRole;
        }

        public override int GetHashCode()
        {
            var hash = (_schemaName ?? string.Empty).GetHashCode();
            if (_primaryEntityRole.HasValue)
            {
                hash ^= _primaryEntityRole.Value.GetHashCode();
            }

            return hash;
        }

        /// <summary>"SchemaName.Role", e.g. "account_parent_account.Referenced"; the role part is empty when unset.</summary>
        public override string ToString()
        {
            return string.Format(
                CultureInfo.InvariantCulture,
                "{0}.{1}",
                _schemaName ?? string.Empty,
                _primaryEntityRole.HasValue ? _primaryEntityRole.ToString() : string.Empty);
        }
    }
}
