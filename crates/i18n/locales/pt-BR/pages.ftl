### O que todas as páginas compartilham: a moldura, as datas, a página
### inicial (/) e as páginas que só avisam que algo deu errado.

## O cabeçalho de cada página: onde o usuário está. $service é o nome
## do serviço.

# A página inicial (/) e a de página não encontrada.
page-header-home = Ajuda e atendimento
page-header-support = Central de atendimento
page-header-help = Central de ajuda do { $service }
# A central de segurança, antes de saber o serviço (por exemplo, sem sessão).
page-header-security = Central de segurança
page-header-security-of = Central de segurança do { $service }
# A página de verificação, antes de saber o serviço (por exemplo, um link errado).
page-header-verify = Verificação segura
page-header-verify-for = Verificação segura do { $service }

## Datas e horas, em UTC.

month-long =
    { $month ->
        [1] janeiro
        [2] fevereiro
        [3] março
        [4] abril
        [5] maio
        [6] junho
        [7] julho
        [8] agosto
        [9] setembro
        [10] outubro
        [11] novembro
       *[12] dezembro
    }
# Sem caracteres fora do GSM-7: as datas vão nos SMS.
month-short =
    { $month ->
        [1] jan.
        [2] fev.
        [3] mar.
        [4] abr.
        [5] mai.
        [6] jun.
        [7] jul.
        [8] ago.
        [9] set.
        [10] out.
        [11] nov.
       *[12] dez.
    }
# "1 de novembro de 2026"
date = { $day } de { month-long } de { $year }
# "1 nov. 2026 às 14:05 UTC"
datetime = { $day } { month-short } { $year } às { $hour }:{ $minute } UTC
# "1/11 14:05 UTC", para um SMS (um segmento: curto e só com caracteres
# GSM-7); em números, que cabem melhor
datetime-short = { $day }/{ $month } { $hour }:{ $minute } UTC

## A página inicial.

landing-title = Ajuda e atendimento
landing-lead = Respostas para suas dúvidas e ferramentas para falar com nosso atendimento com segurança.
landing-support = Central de atendimento
landing-support-hint = Entre em uma videochamada com o atendimento ou confira se um atendente é legítimo.
landing-help-centers = Centrais de ajuda
landing-help-hint = Artigos sobre acesso, códigos e a segurança da sua conta.
landing-no-help-center = Nenhuma central de ajuda foi publicada ainda.

## Páginas de erro.

error-title = Algo deu errado
# Um endereço que não leva a lugar nenhum: página, central de ajuda ou artigo desconhecidos.
page-not-found-title = Página não encontrada
page-not-found-lead = Não existe nenhuma página neste endereço. Confira o link que você seguiu.
# O link da página não encontrada para a página inicial.
page-not-found-home = Ir para ajuda e atendimento
error-page-lead = Não é possível exibir esta página agora. Tente de novo em instantes.

# The footer of a service's pages: its support contact and privacy notice.
brand-support = Falar com o suporte
brand-privacy = Privacidade
# The last lines of every email of a service with these links.
brand-email-support = Ajuda: { $support }
brand-email-privacy = Aviso de privacidade: { $url }
# A request a page refused (a wrong method, a form it cannot read).
page-refused-lead = Esta página não conseguiu atender a solicitação. Volte e tente novamente.
