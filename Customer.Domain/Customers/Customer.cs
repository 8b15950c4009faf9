using CustomerService.Domain.Common;

namespace CustomerService.Domain.Customers;

/// <summary>
/// The Customer aggregate: identity, credentials, profile, tags and addresses.
/// Every change goes through a method that checks the aggregate's rules; a method that would
/// change nothing returns false and leaves the customer untouched.
/// </summary>
public sealed class Customer
{
    private readonly List<Address> _addresses = [];
    private readonly List<IDomainEvent> _domainEvents = [];
    private List<string> _tags = [];

    // For EF Core materialization.
    private Customer()
    {
        Id = string.Empty;
        Email = string.Empty;
        NormalizedEmail = string.Empty;
        PasswordHash = string.Empty;
        FirstName = string.Empty;
        LastName = string.Empty;
    }

    public string Id { get; private set; }

    /// <summary>The email exactly as the client sent it.</summary>
    public string Email { get; private set; }

    /// <summary>The lower-cased email the unique index is built on.</summary>
    public string NormalizedEmail { get; private set; }

    public string PasswordHash { get; private set; }

    public string FirstName { get; private set; }

    public string LastName { get; private set; }

    public CustomerStatus Status { get; private set; }

    public IReadOnlyList<string> Tags => _tags;

    public IReadOnlyList<Address> Addresses => _addresses;

    /// <summary>Optimistic-concurrency version; persistence raises it by one with every saved change.</summary>
    public int Version { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    /// <summary>
    /// What happened to this customer since its events were last taken: at most one
    /// <see cref="CustomerCreated"/> or one <see cref="CustomerUpdated"/> (the changes of one unit of
    /// work merged), then possibly <see cref="CustomerRemoved"/>. Persistence takes them when it commits.
    /// </summary>
    public IReadOnlyList<IDomainEvent> DomainEvents => _domainEvents;

    /// <summary>Forgets the pending events, once they have been handed on (or the change was abandoned).</summary>
    public void ClearDomainEvents() => _domainEvents.Clear();

    /// <summary>
    /// An independent customer in the same state: same identity, version and values, its own tags and
    /// addresses, and no pending events. Changing either leaves the other as it was.
    /// </summary>
    public Customer Copy()
    {
        var copy = new Customer
        {
            Id = Id,
            Email = Email,
            NormalizedEmail = NormalizedEmail,
            PasswordHash = PasswordHash,
            FirstName = FirstName,
            LastName = LastName,
            Status = Status,
            _tags = [.. _tags],
            Version = Version,
            CreatedAt = CreatedAt,
            UpdatedAt = UpdatedAt,
        };
        foreach (var address in _addresses)
        {
            copy._addresses.Add(address.Copy());
        }

        return copy;
    }

    public static Customer Register(
        EmailAddress email,
        string passwordHash,
        string firstName,
        string lastName,
        CustomerStatus status,
        IEnumerable<string> tags,
        IEnumerable<AddressDetails> addresses,
        DateTime now)
    {
        ArgumentNullException.ThrowIfNull(email);
        ArgumentException.ThrowIfNullOrEmpty(passwordHash);

        var customer = new Customer
        {
            Id = EntityId.New(),
            Email = email.Value,
            NormalizedEmail = email.Normalized,
            PasswordHash = passwordHash,
            FirstName = ValidName("firstName", firstName),
            LastName = ValidName("lastName", lastName),
            Status = status,
            _tags = ValidTags(tags),
            Version = 1,
            CreatedAt = now,
            UpdatedAt = now,
        };
        customer._domainEvents.Add(new CustomerCreated(customer.Id));

        foreach (var details in addresses)
        {
            customer.AddAddress(details, now);
        }

        return customer;
    }

    public bool ChangeEmail(EmailAddress email, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(email);
        if (email.Value == Email)
        {
            return false;
        }

        Email = email.Value;
        NormalizedEmail = email.Normalized;
        return Touch(now, CustomerFieldNames.Email);
    }

    /// <summary>Changes either name or both; a null argument keeps that name.</summary>
    public bool Rename(string? firstName, string? lastName, DateTime now)
    {
        var newFirst = firstName is null ? FirstName : ValidName("firstName", firstName);
        var newLast = lastName is null ? LastName : ValidName("lastName", lastName);
        if (newFirst == FirstName && newLast == LastName)
        {
            return false;
        }

        if (newFirst != FirstName)
        {
            FirstName = newFirst;
            Touch(now, CustomerFieldNames.FirstName);
        }

        if (newLast != LastName)
        {
            LastName = newLast;
            Touch(now, CustomerFieldNames.LastName);
        }

        return true;
    }

    public bool SetStatus(CustomerStatus status, DateTime now)
    {
        if (!Enum.IsDefined(status))
        {
            throw new DomainRuleViolationException("status", "status must be ACTIVE or INACTIVE");
        }

        if (status == Status)
        {
            return false;
        }

        Status = status;
        return Touch(now, CustomerFieldNames.Status);
    }

    /// <summary>Replaces all tags; repeats collapse to their first occurrence, an empty list clears them.</summary>
    public bool ReplaceTags(IEnumerable<string> tags, DateTime now)
    {
        var newTags = ValidTags(tags);
        if (newTags.SequenceEqual(_tags, StringComparer.Ordinal))
        {
            return false;
        }

        _tags = newTags;
        return Touch(now, CustomerFieldNames.Tags);
    }

    public Address AddAddress(AddressDetails details, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(details);
        if (_addresses.Count >= CustomerRules.MaxAddresses)
        {
            throw new DomainRuleViolationException("addresses", $"a customer can have at most {CustomerRules.MaxAddresses} addresses");
        }

        var field = $"addresses[{_addresses.Count}]";
        var position = _addresses.Count == 0 ? 0 : _addresses[^1].Position + 1;
        var address = new Address(EntityId.New(), position, Address.Validated(details, field));
        _addresses.Add(address);
        Touch(now, CustomerFieldNames.Addresses);
        return address;
    }

    public Address? FindAddress(string addressId) => _addresses.Find(a => a.Id == addressId);

    /// <summary>Applies a partial change to one address; false when the address is unknown or nothing changes.</summary>
    public bool UpdateAddress(string addressId, AddressPatch patch, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(patch);
        var index = _addresses.FindIndex(a => a.Id == addressId);
        if (index < 0)
        {
            return false;
        }

        var address = _addresses[index];
        var updated = Address.Validated(patch.ApplyTo(address.Details), "address");
        if (updated == address.Details)
        {
            return false;
        }

        address.Apply(updated);
        return Touch(now, CustomerFieldNames.Addresses);
    }

    /// <summary>Removes one address; the others keep their order. False when the address is unknown.</summary>
    public bool RemoveAddress(string addressId, DateTime now)
    {
        if (_addresses.RemoveAll(a => a.Id == addressId) == 0)
        {
            return false;
        }

        return Touch(now, CustomerFieldNames.Addresses);
    }

    /// <summary>Records that this customer is being removed; the repository deletes it.</summary>
    public void MarkRemoved()
    {
        if (!_domainEvents.OfType<CustomerRemoved>().Any())
        {
            _domainEvents.Add(new CustomerRemoved(Id));
        }
    }

    /// <summary>Sets a new password (by its hash): a visible change, which raises the version like any other.</summary>
    public bool ChangePassword(string passwordHash, DateTime now)
    {
        ArgumentException.ThrowIfNullOrEmpty(passwordHash);
        PasswordHash = passwordHash;
        return Touch(now, CustomerFieldNames.Password);
    }

    /// <summary>
    /// Stores a new hash of the same password, made with stronger parameters than the old one. Not a
    /// visible change: it records no event, and the customer keeps its version.
    /// </summary>
    public void UpgradePasswordHash(string passwordHash)
    {
        ArgumentException.ThrowIfNullOrEmpty(passwordHash);
        PasswordHash = passwordHash;
    }

    // Every effective change goes through here: it stamps the time and records the changed field,
    // merged into the pending CustomerUpdated so that one unit of work announces one update.
    private bool Touch(DateTime now, string field)
    {
        UpdatedAt = now;
        if (_domainEvents.Exists(e => e is CustomerCreated))
        {
            // Part of the registration (its first addresses): the creation says it all.
            return true;
        }

        var index = _domainEvents.FindIndex(e => e is CustomerUpdated);
        if (index < 0)
        {
            _domainEvents.Add(new CustomerUpdated(Id, [field], Version));
        }
        else if (_domainEvents[index] is CustomerUpdated pending && !pending.ChangedFields.Contains(field))
        {
            _domainEvents[index] = pending with { ChangedFields = [.. pending.ChangedFields, field] };
        }

        return true;
    }

    private static string ValidName(string field, string value)
    {
        if (CustomerRules.CheckName(value) is { } problem)
        {
            throw new DomainRuleViolationException(field, $"{field} {problem}");
        }

        return value.Trim();
    }

    private static List<string> ValidTags(IEnumerable<string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var list = tags as IReadOnlyCollection<string> ?? [.. tags];
        if (list.Count > CustomerRules.MaxTags)
        {
            throw new DomainRuleViolationException("tags", $"tags must hold at most {CustomerRules.MaxTags} entries");
        }

        var index = 0;
        foreach (var tag in list)
        {
            if (CustomerRules.CheckTag(tag) is { } problem)
            {
                throw new DomainRuleViolationException($"tags[{index}]", $"tags[{index}] {problem}");
            }

            index++;
        }

        return [.. CustomerRules.NormalizeTags(list)];
    }
}
