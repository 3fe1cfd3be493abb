// The secrets the app needs, in a Key Vault that authorises with Azure RBAC (no access policies). The app's
// identity may read secrets and nothing else; its settings point here with Key Vault references, so no secret value
// is stored in the site's configuration. An empty optional secret is not stored (Key Vault refuses empty values)
// and its setting stays empty, which leaves that feature off.
param name string
param location string
param tags object
param identityPrincipalId string

@secure()
param moderatorKeySha256 string

@secure()
param ipHashKey string

@secure()
param akismetApiKey string

@secure()
param mailPassword string

@secure()
param linkSigningKey string = ''

@secure()
param webhookUrl string = ''

@secure()
param webhookSecret string = ''

var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    publicNetworkAccess: 'Enabled'
  }
}

@description('The names of the secrets: moderatorKeySha256, ipHashKey, akismetApiKey, mailPassword, linkSigningKey, webhookUrl and webhookSecret.')
param secretNames object

resource moderatorKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: secretNames.moderatorKeySha256
  properties: {
    value: moderatorKeySha256
  }
}

resource ipHashKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: secretNames.ipHashKey
  properties: {
    value: ipHashKey
  }
}

resource akismetSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(akismetApiKey)) {
  parent: vault
  name: secretNames.akismetApiKey
  properties: {
    value: akismetApiKey
  }
}

resource mailPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(mailPassword)) {
  parent: vault
  name: secretNames.mailPassword
  properties: {
    value: mailPassword
  }
}

resource linkSigningKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(linkSigningKey)) {
  parent: vault
  name: secretNames.linkSigningKey
  properties: {
    value: linkSigningKey
  }
}

resource webhookUrlSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(webhookUrl)) {
  parent: vault
  name: secretNames.webhookUrl
  properties: {
    value: webhookUrl
  }
}

resource webhookSecretSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(webhookSecret)) {
  parent: vault
  name: secretNames.webhookSecret
  properties: {
    value: webhookSecret
  }
}

resource identitySecretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, identityPrincipalId, keyVaultSecretsUser)
  scope: vault
  properties: {
    principalId: identityPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
    description: 'Key Vault Secrets User for the Commentary Function App (Key Vault references in its settings)'
  }
}

output name string = vault.name
// The app's settings reference secrets under this address; waiting for this output also waits for every secret
// and the role assignment above, so the app never starts with a reference it cannot resolve.
output uri string = vault.properties.vaultUri
