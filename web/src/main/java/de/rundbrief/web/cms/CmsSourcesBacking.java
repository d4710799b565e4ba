package de.rundbrief.web.cms;

import de.rundbrief.application.CmsService;
import de.rundbrief.application.CmsSourceData;
import de.rundbrief.application.CmsSourceView;
import de.rundbrief.domain.NotFoundException;
import de.rundbrief.domain.cms.CmsFetchException;
import de.rundbrief.domain.cms.CmsItem;
import de.rundbrief.domain.cms.CmsSourceKind;
import de.rundbrief.domain.cms.DuplicateCmsSourceException;
import de.rundbrief.domain.cms.InvalidCmsSourceException;
import de.rundbrief.web.shell.InputCheck;
import de.rundbrief.web.shell.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.primefaces.PrimeFaces;

/**
 * The CMS sources: {@code /cms/sources.xhtml}, for central administrators. A password is typed in,
 * sealed on saving and never shown again; leaving it empty keeps the stored one.
 */
@Named
@ViewScoped
public class CmsSourcesBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  /** How the dialog treats credentials. */
  public enum CredentialChoice {
    /** Keep what is stored (only when editing a source that has some). */
    KEEP,
    NONE,
    STORED,
    ALIAS
  }

  @Inject private CmsService cms;
  @Inject private InputCheck inputCheck;

  private List<CmsSourceView> sources = List.of();
  private Long editedId;
  private String name;
  private CmsSourceKind kind = CmsSourceKind.FEED;
  private String url;
  private CredentialChoice credentials = CredentialChoice.NONE;
  private boolean hadCredentials;
  private String username;
  private String password;
  private String secretAlias;
  private String checkedSource;
  private List<CmsItem> checkedItems = List.of();

  public void load() {
    sources = cms.listSources();
  }

  public void newSource() {
    editedId = null;
    name = null;
    kind = CmsSourceKind.FEED;
    url = null;
    credentials = CredentialChoice.NONE;
    hadCredentials = false;
    username = null;
    password = null;
    secretAlias = null;
  }

  public void edit(CmsSourceView source) {
    editedId = source.id();
    name = source.name();
    kind = source.kind();
    url = source.url();
    hadCredentials = source.credentials() != CmsSourceView.Credentials.NONE;
    credentials = hadCredentials ? CredentialChoice.KEEP : CredentialChoice.NONE;
    username = source.username();
    password = null;
    secretAlias = source.secretAlias();
  }

  public void save() {
    CmsSourceData data =
        new CmsSourceData(
            name,
            kind,
            url,
            credentials == CredentialChoice.NONE ? null : username,
            credentials == CredentialChoice.STORED ? password : null,
            credentials == CredentialChoice.ALIAS ? secretAlias : null,
            credentials == CredentialChoice.NONE && hadCredentials);
    if (!inputCheck.valid(data, "sourceForm")) {
      return;
    }
    if (credentials == CredentialChoice.STORED && (password == null || password.isEmpty())) {
      Messages.fieldError("sourceForm:password", Messages.text("cms.password.required"));
      return;
    }
    try {
      CmsSourceView saved =
          editedId == null ? cms.createSource(data) : cms.changeSource(editedId, data);
      password = null;
      Messages.info("cms.saved", saved.name());
      PrimeFaces.current().ajax().addCallbackParam("saved", true);
      load();
    } catch (DuplicateCmsSourceException e) {
      Messages.fieldError("sourceForm:name", Messages.text("cms.duplicate"));
    } catch (InvalidCmsSourceException e) {
      Messages.error("cms.invalid", e.getMessage());
    } catch (NotFoundException e) {
      Messages.error("cms.gone");
    }
  }

  public void delete(CmsSourceView source) {
    try {
      cms.deleteSource(source.id());
      Messages.info("cms.deleted", source.name());
    } catch (NotFoundException e) {
      Messages.error("cms.gone");
    }
    load();
  }

  /** Reads the source now and shows its newest items, or why it cannot be read. */
  public void check(CmsSourceView source) {
    checkedSource = source.name();
    checkedItems = List.of();
    try {
      checkedItems = cms.checkSource(source.id());
      Messages.info("cms.checked", source.name(), checkedItems.size());
    } catch (CmsFetchException e) {
      CmsFailures.show(e);
    } catch (NotFoundException e) {
      Messages.error("cms.gone");
    }
  }

  public CmsSourceKind[] getKinds() {
    return CmsSourceKind.values();
  }

  public List<CredentialChoice> getCredentialChoices() {
    return hadCredentials
        ? List.of(CredentialChoice.values())
        : List.of(CredentialChoice.NONE, CredentialChoice.STORED, CredentialChoice.ALIAS);
  }

  public List<CmsSourceView> getSources() {
    return sources;
  }

  public boolean isEditing() {
    return editedId != null;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public CmsSourceKind getKind() {
    return kind;
  }

  public void setKind(CmsSourceKind kind) {
    this.kind = kind;
  }

  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }

  public CredentialChoice getCredentials() {
    return credentials;
  }

  public void setCredentials(CredentialChoice credentials) {
    this.credentials = credentials;
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getSecretAlias() {
    return secretAlias;
  }

  public void setSecretAlias(String secretAlias) {
    this.secretAlias = secretAlias;
  }

  public String getCheckedSource() {
    return checkedSource;
  }

  public List<CmsItem> getCheckedItems() {
    return checkedItems;
  }
}
