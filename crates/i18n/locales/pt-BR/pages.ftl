### O que todas as páginas compartilham: a moldura, as datas, a página
### inicial (/) e as páginas que só avisam que algo deu errado.

page-header-support = Central de atendimento

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
error-page-lead = Não é possível exibir esta página agora. Tente de novo em instantes.
