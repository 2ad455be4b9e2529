### A central de ajuda de cada serviço (/help/…).

help-title = Central de ajuda
help-lead = Respostas sobre acesso, códigos e a segurança da sua conta.
help-search-label = Pesquisar na central de ajuda
help-search-button = Pesquisar
help-categories = Categorias
help-all = Todos
help-category =
    { $category ->
        [faq] Perguntas frequentes
        [announcements] Comunicados
       *[product_documents] Documentos do produto
    }
help-showing =
    { $total ->
        [one] Mostrando { $first }–{ $last } de { $total } artigo
       *[other] Mostrando { $first }–{ $last } de { $total } artigos
    }
help-results-for = Resultados para “{ $query }”
help-no-results = Nenhum artigo corresponde à sua pesquisa. Tente outras palavras ou navegue pelas categorias.
help-empty = Ainda não há artigos aqui.
help-pages = Páginas
help-previous = Página anterior
help-next = Próxima página
help-page-of = Página { $page } de { $pages }
# Seguido de uma data.
help-published = Publicado em
# Seguido de uma data.
help-updated = Atualizado em
help-all-articles = Todos os artigos de ajuda
# Quantas vezes um artigo foi lido.
help-views =
    { $views ->
        [one] { $views } visualização
       *[other] { $views } visualizações
    }
help-only-in-english = Este artigo ainda não está disponível em português.
help-error-lead = Não é possível exibir a central de ajuda agora. Tente de novo em instantes.
