### El centro de ayuda de cada servicio (/help/…).

help-title = Centro de ayuda
help-lead = Respuestas sobre el acceso, los códigos y la seguridad de su cuenta.
help-search-label = Buscar en el centro de ayuda
help-search-button = Buscar
help-categories = Categorías
help-all = Todo
help-category =
    { $category ->
        [faq] Preguntas frecuentes
        [announcements] Avisos
       *[product_documents] Documentación del producto
    }
help-showing =
    { $total ->
        [one] Se muestra { $first }–{ $last } de { $total } artículo
       *[other] Se muestran { $first }–{ $last } de { $total } artículos
    }
help-results-for = Resultados de «{ $query }»
help-no-results = Ningún artículo coincide con su búsqueda. Pruebe con otras palabras o consulte las categorías.
help-empty = Todavía no hay artículos aquí.
help-pages = Páginas
help-previous = Página anterior
help-next = Página siguiente
help-page-of = Página { $page } de { $pages }
# Seguido de una fecha.
help-published = Publicado el
# Seguido de una fecha.
help-updated = Actualizado el
help-all-articles = Todos los artículos de ayuda
# Cuántas veces se ha leído un artículo.
help-views =
    { $views ->
        [one] { $views } visita
       *[other] { $views } visitas
    }
help-only-in-english = Este artículo todavía no está disponible en español.
help-error-lead = No se puede mostrar el centro de ayuda en este momento. Inténtelo de nuevo en unos instantes.
