package de.rundbrief.web.shell;

import de.rundbrief.domain.Page;
import de.rundbrief.domain.PageRequest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * A lazy table model over a service search: each page is one service call, which counts and fetches
 * the page in the database.
 */
public abstract class PagedModel<T> extends LazyDataModel<T> {

  private static final long serialVersionUID = 1L;

  private final Set<String> sortable;
  private final String defaultSort;

  protected PagedModel(Set<String> sortable, String defaultSort) {
    this.sortable = sortable;
    this.defaultSort = defaultSort;
  }

  /** One page of rows matching the table's filters. */
  protected abstract Page<T> search(Map<String, FilterMeta> filterBy, PageRequest request);

  @Override
  public int count(Map<String, FilterMeta> filterBy) {
    return getRowCount() > 0 ? getRowCount() : (int) search(filterBy, PageRequest.first(1)).total();
  }

  @Override
  public List<T> load(
      int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
    SortMeta sort = sortBy.values().stream().findFirst().orElse(null);
    boolean sorted = sort != null && sortable.contains(sort.getField());
    PageRequest request =
        new PageRequest(
            first / pageSize,
            pageSize,
            sorted ? sort.getField() : defaultSort,
            sorted && sort.getOrder() != SortOrder.DESCENDING);
    Page<T> page = search(filterBy, request);
    setRowCount((int) page.total());
    return page.items();
  }

  /** The text of a column filter, or {@code null} where it is empty. */
  protected static String filterText(Map<String, FilterMeta> filterBy, String field) {
    FilterMeta meta = filterBy.get(field);
    Object value = meta == null ? null : meta.getFilterValue();
    return value == null || value.toString().isBlank() ? null : value.toString().strip();
  }
}
